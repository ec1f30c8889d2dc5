// What leakstop can do about a leaked Hugging Face token: GET /api/whoami-v2 (the endpoint
// huggingface_hub's whoami() calls, https://huggingface.co/docs/huggingface_hub/package_reference/hf_api)
// names the user and the token's role (read, write or fineGrained). Hugging Face rate-limits its Hub
// API per token and answers 429 (https://huggingface.co/docs/hub/rate-limits). No API revokes a token.
import { z } from 'zod';
import type { Credential, ProviderAdapter, AdapterContext } from '../contract.js';
import type { HuggingfaceSettings } from './settings.js';
import { callProvider } from '../http.js';

const MANUAL_URL = 'https://huggingface.co/settings/tokens';

const whoamiSchema = z.object({
  name: z.string(),
  type: z.string().optional(),
  orgs: z.array(z.object({ name: z.string() })).optional(),
  auth: z.object({ accessToken: z.object({ displayName: z.string().optional(), role: z.string() }).optional() }).optional(),
});

function whoami(credential: Credential, ctx: AdapterContext<HuggingfaceSettings>) {
  return callProvider(ctx, {
    what: 'Hugging Face GET /api/whoami-v2',
    url: `${ctx.settings.url}/api/whoami-v2`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    schema: whoamiSchema,
    secrets: [credential.secret],
  });
}

export const huggingfaceAdapter: ProviderAdapter<HuggingfaceSettings> = {
  provider: 'huggingface',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const response = await whoami(credential, ctx);
    if (!response.ok) return response.setback;
    const token = response.data.auth?.accessToken;
    return {
      status: 'done',
      data: { account: response.data.name, type: `${token?.role ?? 'unknown'} access token${token?.displayName ? ` "${token.displayName}"` : ''}` },
      summary: `live Hugging Face token of ${response.data.name}`,
    };
  },

  async describe(credential, ctx) {
    const response = await whoami(credential, ctx);
    if (!response.ok) return response.setback;
    const role = response.data.auth?.accessToken?.role;
    const orgs = (response.data.orgs ?? []).map((o) => o.name);
    const notes = orgs.length > 0 ? [`member of ${orgs.join(', ')}`] : [];
    if (role === 'fineGrained') notes.push('fine-grained token: its permissions are listed on the token settings page');
    return { status: 'done', data: { scopes: role ? [role] : [], notes }, summary: `Hugging Face token role: ${role ?? 'unknown'}` };
  },

};
