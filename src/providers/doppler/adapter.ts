// What leakstop can do about a leaked Doppler token (https://docs.doppler.com/reference/api):
// - GET /v3/me: the token's type, name, workplace and when it was last seen.
// - POST /v3/auth/revoke with { token }: the token revokes itself.
// Doppler answers 429 with Retry-After when its per-plan request limit is reached
// (https://docs.doppler.com/reference/rate-limits).
import { z } from 'zod';
import type { DopplerSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://dashboard.doppler.com/workplace/tokens';

const meSchema = z.object({
  name: z.string().nullable().optional(),
  type: z.string(),
  workplace: z.object({ name: z.string() }),
  last_seen_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
});

export const dopplerAdapter = httpAdapter({
  // /v3/me (last seen) answers only while the token works.
  order: { assessWhileLive: true },
  provider: 'doppler',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'Doppler GET /v3/me',
    url: (settings: DopplerSettings) => `${settings.apiUrl}/v3/me`,
    auth: { bearer: true },
    schema: meSchema,
    identity: ({ name, type, workplace }) => ({
      data: { account: name ?? type, owner: workplace.name, type: type.replaceAll('_', ' ') },
      summary: `live Doppler ${type.replaceAll('_', ' ')} in ${workplace.name}`,
    }),
    activity: ({ last_seen_at: seen }) => {
      const lastUsedAt = seen ? new Date(seen).toISOString() : undefined;
      return {
        data: { ...(lastUsedAt ? { lastUsedAt } : {}), events: [], notes: ['Doppler reports only when the token was last seen; the workplace activity log shows what it read'] },
        summary: lastUsedAt ? `last seen ${lastUsedAt}` : 'never seen in use',
      };
    },
  },
  revoke: {
    what: 'Doppler POST /v3/auth/revoke',
    method: 'POST',
    url: (settings: DopplerSettings) => `${settings.apiUrl}/v3/auth/revoke`,
    auth: { bearer: true },
    body: (token) => ({ token }),
    deadStatuses: [401],
    schema: z.unknown(),
    revoked: () => ({ data: { reversible: false }, summary: 'Doppler revoked the token' }),
  },
});
