// What leakstop can do about a leaked Databricks personal access token. A token works only on its own
// workspace, whose URL the finding may carry in details.workspaceUrl. Because that URL comes from the
// scanned text, the token is sent there only when the host is one of Databricks' own domains; otherwise
// nothing is sent. GET /api/2.0/preview/scim/v2/Me (https://docs.databricks.com/api/workspace/currentuser/me)
// names the user; Databricks limits most workspace APIs to tens of requests a second and answers 429
// (https://docs.databricks.com/en/resources/limits.html). Revoking needs the token's id, which the
// token alone cannot learn: a human revokes it.
import { z } from 'zod';
import type { Credential, Outcome, ProviderAdapter } from '../contract.js';
import { callProvider, unsupported } from '../http.js';

const MANUAL_URL = 'https://docs.databricks.com/en/dev-tools/auth/pat.html';
/** Databricks' workspace domains on AWS, Azure and GCP. */
const WORKSPACE_HOST = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,3}\.(?:cloud\.databricks\.com|azuredatabricks\.net|gcp\.databricks\.com)$/;

/** The workspace origin, only when it is https on a Databricks domain. */
export function databricksWorkspace(credential: Credential): string | undefined {
  const raw = credential.details['workspaceUrl'];
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.port === '' && WORKSPACE_HOST.test(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function noWorkspace(): Outcome<never> {
  return unsupported('the finding names no Databricks workspace, so leakstop cannot tell where the token works: revoke it in the workspace settings', MANUAL_URL);
}

export const databricksAdapter: ProviderAdapter = {
  provider: 'databricks',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const workspace = databricksWorkspace(credential);
    if (!workspace) return noWorkspace();
    const response = await callProvider(ctx, {
      what: 'Databricks GET /api/2.0/preview/scim/v2/Me',
      url: `${workspace}/api/2.0/preview/scim/v2/Me`,
      headers: { authorization: `Bearer ${credential.secret.reveal()}` },
      schema: z.object({ userName: z.string(), displayName: z.string().optional() }),
      secrets: [credential.secret],
    });
    if (!response.ok) return response.setback;
    const host = new URL(workspace).hostname;
    return { status: 'done', data: { account: response.data.userName, owner: host, type: 'personal access token' }, summary: `live Databricks token of ${response.data.userName} on ${host}` };
  },

};
