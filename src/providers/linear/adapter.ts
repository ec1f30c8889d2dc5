// What leakstop can do about a leaked Linear API key: the GraphQL API (POST /graphql,
// https://linear.app/developers/graphql) answers `viewer` and `organization` for any live key,
// sent as the bare Authorization header. Failures come as GraphQL errors with extensions.code
// (AUTHENTICATION_ERROR; RATELIMITED when the hourly request or complexity budget is spent,
// https://linear.app/developers/rate-limiting). No API revokes a personal API key.
import { z } from 'zod';
import type { ProviderAdapter } from '../contract.js';
import type { LinearSettings } from './settings.js';
import { callProvider, failed } from '../http.js';

const MANUAL_URL = 'https://linear.app/settings/account/security';
const QUERY = '{ viewer { id name email } organization { name } }';

const answerSchema = z.object({
  data: z
    .object({ viewer: z.object({ name: z.string(), email: z.string() }), organization: z.object({ name: z.string() }) })
    .nullable()
    .optional(),
  errors: z.array(z.object({ extensions: z.object({ code: z.string().optional() }).optional() })).optional(),
});

export const linearAdapter: ProviderAdapter<LinearSettings> = {
  provider: 'linear',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const what = 'Linear POST /graphql (viewer)';
    const response = await callProvider(ctx, {
      what,
      method: 'POST',
      url: `${ctx.settings.apiUrl}/graphql`,
      headers: { authorization: credential.secret.reveal() },
      body: { query: QUERY },
      bodyStatuses: [400],
      schema: answerSchema,
      secrets: [credential.secret],
    });
    if (!response.ok) return response.setback;
    const { data, errors } = response.data;
    const code = errors?.[0]?.extensions?.code;
    if (code === 'AUTHENTICATION_ERROR') return { status: 'not-live', summary: `${what}: Linear says AUTHENTICATION_ERROR` };
    if (code === 'RATELIMITED') return failed(true, `${what}: rate limited`, [credential.secret]);
    if (!data) return failed(false, `${what}: Linear answered with ${code ?? 'an error'}`, [credential.secret]);
    return {
      status: 'done',
      data: { account: `${data.viewer.name} <${data.viewer.email}>`, owner: data.organization.name, type: 'personal API key' },
      summary: `live Linear API key of ${data.viewer.name} in ${data.organization.name}`,
    };
  },

};
