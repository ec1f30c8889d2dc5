// What leakstop can do about a leaked Linear API key: the GraphQL API (POST /graphql,
// https://linear.app/developers/graphql) answers `viewer` and `organization` for any live key,
// sent as the bare Authorization header. Failures come as GraphQL errors with extensions.code
// (AUTHENTICATION_ERROR; RATELIMITED when the hourly request or complexity budget is spent,
// https://linear.app/developers/rate-limiting). No API revokes a personal API key.
import { z } from 'zod';
import type { LinearSettings } from './settings.js';
import { failed } from '../http.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://linear.app/settings/account/security';
const QUERY = '{ viewer { id name email } organization { name } }';

const answerSchema = z.object({
  data: z
    .object({ viewer: z.object({ name: z.string(), email: z.string() }), organization: z.object({ name: z.string() }) })
    .nullable()
    .optional(),
  errors: z.array(z.object({ extensions: z.object({ code: z.string().optional() }).optional() })).optional(),
});

const WHAT = 'Linear POST /graphql (viewer)';

export const linearAdapter = httpAdapter({
  provider: 'linear',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: WHAT,
    method: 'POST',
    url: (settings: LinearSettings) => `${settings.apiUrl}/graphql`,
    // Linear takes a personal API key as the whole Authorization header, without a scheme.
    auth: { header: 'authorization' },
    body: { query: QUERY },
    bodyStatuses: [400],
    schema: answerSchema,
    identity: ({ data, errors }, credential) => {
      const code = errors?.[0]?.extensions?.code;
      if (code === 'AUTHENTICATION_ERROR') return { status: 'not-live', summary: `${WHAT}: Linear says AUTHENTICATION_ERROR` };
      if (code === 'RATELIMITED') return failed(true, `${WHAT}: rate limited`, [credential.secret]);
      if (!data) return failed(false, `${WHAT}: Linear answered with ${code ?? 'an error'}`, [credential.secret]);
      return {
        data: { account: `${data.viewer.name} <${data.viewer.email}>`, owner: data.organization.name, type: 'personal API key' },
        summary: `live Linear API key of ${data.viewer.name} in ${data.organization.name}`,
      };
    },
  },
});
