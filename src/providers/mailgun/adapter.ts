// What leakstop can do about a leaked Mailgun API key: GET /v3/domains
// (https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/) with HTTP
// basic auth `api:<key>` lists the account's sending domains. EU accounts use
// https://api.eu.mailgun.net (LEAKSTOP_MAILGUN_API_URL); a US-region call with an EU key answers 401.
// Mailgun answers 429 when rate limited. No API revokes the key that makes the call.
import { z } from 'zod';
import type { Credential, ProviderAdapter, AdapterContext } from '../contract.js';
import type { MailgunSettings } from './settings.js';
import { callProvider } from '../http.js';

const MANUAL_URL = 'https://app.mailgun.com/settings/api_security';

const domainsSchema = z.object({ total_count: z.number(), items: z.array(z.object({ name: z.string() })) });

function domains(credential: Credential, ctx: AdapterContext<MailgunSettings>) {
  const basic = Buffer.from(`api:${credential.secret.reveal()}`).toString('base64');
  return callProvider(ctx, {
    what: 'Mailgun GET /v3/domains',
    url: `${ctx.settings.apiUrl}/v3/domains?limit=100`,
    headers: { authorization: `Basic ${basic}` },
    schema: domainsSchema,
    secrets: [credential.secret],
  });
}

export const mailgunAdapter: ProviderAdapter<MailgunSettings> = {
  provider: 'mailgun',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const response = await domains(credential, ctx);
    if (!response.ok) return response.setback;
    const first = response.data.items[0]?.name;
    return {
      status: 'done',
      data: { account: first ? `Mailgun account sending for ${first}` : 'Mailgun account without domains', type: 'API key' },
      summary: `live Mailgun API key for ${response.data.total_count} domains`,
    };
  },

  async describe(credential, ctx) {
    const response = await domains(credential, ctx);
    if (!response.ok) return response.setback;
    const names = response.data.items.map((d) => d.name);
    return { status: 'done', data: { scopes: [], notes: [`can send as ${names.length > 0 ? names.join(', ') : 'no domain yet'}`] }, summary: 'listed the domains the key can send for' };
  },

};
