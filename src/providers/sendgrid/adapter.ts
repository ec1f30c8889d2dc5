// What leakstop can do about a leaked SendGrid API key (https://www.twilio.com/docs/sendgrid/api-reference):
// - GET /v3/scopes: the key's scopes (any live key may call it).
// - DELETE /v3/api_keys/{api_key_id}: deletes a key (204); the id is the middle part of
//   SG.<id>.<secret>, and a key with the api_keys.delete scope can delete itself.
// SendGrid's rate limits are per endpoint, reported in X-RateLimit-* headers, 429 when exceeded
// (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits).
import { z } from 'zod';
import type { AdapterContext, Credential, Outcome, ProviderAdapter, Revocation } from '../contract.js';
import type { SendgridSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://app.sendgrid.com/settings/api_keys';
const KEY_ID = /^SG\.([A-Za-z0-9_-]{22})\./;

/** GET /v3/scopes answers both who (a live key) and what it may do; revoking needs the key's own id. */
export const sendgridAdapter: ProviderAdapter<SendgridSettings> = {
  ...httpAdapter({
    provider: 'sendgrid',
    manualRevokeUrl: MANUAL_URL,
    inspect: {
      what: 'SendGrid GET /v3/scopes',
      url: (settings: SendgridSettings) => `${settings.apiUrl}/v3/scopes`,
      auth: { bearer: true },
      schema: z.object({ scopes: z.array(z.string()) }),
      identity: ({ scopes }) => ({ data: { account: 'SendGrid account of this key', type: `API key with ${scopes.length} scopes` }, summary: `live SendGrid API key with ${scopes.length} scopes` }),
      access: ({ scopes }) => ({ data: { scopes, notes: scopes.includes('mail.send') ? ['can send mail as the account'] : [] }, summary: 'read the key’s scopes' }),
    },
  }),
  revoke,
};

async function revoke(credential: Credential, ctx: AdapterContext<SendgridSettings>): Promise<Outcome<Revocation>> {
  const id = KEY_ID.exec(credential.secret.reveal())?.[1];
  if (!id) return unsupported('not a SendGrid key of the SG.<id>.<secret> form: delete it by hand', MANUAL_URL);
  const response = await callProvider(ctx, {
    what: 'SendGrid DELETE /v3/api_keys/{api_key_id}',
    method: 'DELETE',
    url: `${ctx.settings.apiUrl}/v3/api_keys/${id}`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    deadStatuses: [401],
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) {
    const { setback } = response;
    // 403: the key may not manage API keys, so only a human can delete it.
    return setback.status === 'failed' && !setback.retryable ? unsupported(`${setback.summary}: the key lacks the api_keys scope; delete it by hand`, MANUAL_URL) : setback;
  }
  return { status: 'done', data: { reversible: false }, summary: 'SendGrid deleted the API key' };
}
