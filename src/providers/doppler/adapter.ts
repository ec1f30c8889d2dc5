// What leakstop can do about a leaked Doppler token (https://docs.doppler.com/reference/api):
// - GET /v3/me: the token's type, name, workplace and when it was last seen.
// - POST /v3/auth/revoke with { token }: the token revokes itself.
// Doppler answers 429 with Retry-After when its per-plan request limit is reached
// (https://docs.doppler.com/reference/rate-limits).
import { z } from 'zod';
import type { Credential, ProviderAdapter, AdapterContext } from '../contract.js';
import type { DopplerSettings } from './settings.js';
import { callProvider } from '../http.js';

const MANUAL_URL = 'https://dashboard.doppler.com/workplace/tokens';

const meSchema = z.object({
  name: z.string().nullable().optional(),
  type: z.string(),
  workplace: z.object({ name: z.string() }),
  last_seen_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
});

function me(credential: Credential, ctx: AdapterContext<DopplerSettings>) {
  return callProvider(ctx, {
    what: 'Doppler GET /v3/me',
    url: `${ctx.settings.apiUrl}/v3/me`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    schema: meSchema,
    secrets: [credential.secret],
  });
}

export const dopplerAdapter: ProviderAdapter<DopplerSettings> = {
  // /v3/me (last seen) answers only while the token works.
  order: { assessWhileLive: true },
  provider: 'doppler',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const response = await me(credential, ctx);
    if (!response.ok) return response.setback;
    const { name, type, workplace } = response.data;
    return {
      status: 'done',
      data: { account: name ?? type, owner: workplace.name, type: type.replaceAll('_', ' ') },
      summary: `live Doppler ${type.replaceAll('_', ' ')} in ${workplace.name}`,
    };
  },

  async activity(credential, ctx) {
    const response = await me(credential, ctx);
    if (!response.ok) return response.setback;
    const seen = response.data.last_seen_at;
    const lastUsedAt = seen ? new Date(seen).toISOString() : undefined;
    return {
      status: 'done',
      data: { ...(lastUsedAt ? { lastUsedAt } : {}), events: [], notes: ['Doppler reports only when the token was last seen; the workplace activity log shows what it read'] },
      summary: lastUsedAt ? `last seen ${lastUsedAt}` : 'never seen in use',
    };
  },

  async revoke(credential, ctx) {
    const response = await callProvider(ctx, {
      what: 'Doppler POST /v3/auth/revoke',
      method: 'POST',
      url: `${ctx.settings.apiUrl}/v3/auth/revoke`,
      headers: { authorization: `Bearer ${credential.secret.reveal()}` },
      body: { token: credential.secret.reveal() },
      deadStatuses: [401],
      schema: z.unknown(),
      secrets: [credential.secret],
    });
    if (!response.ok) return response.setback;
    return { status: 'done', data: { reversible: false }, summary: 'Doppler revoked the token' };
  },
};
