// What leakstop can do about a leaked Mailgun API key: GET /v3/domains
// (https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/) with HTTP
// basic auth `api:<key>` lists the account's sending domains. EU accounts use
// https://api.eu.mailgun.net (LEAKSTOP_MAILGUN_API_URL); a US-region call with an EU key answers 401.
// Mailgun answers 429 when rate limited. No API revokes the key that makes the call.
import { z } from 'zod';
import type { MailgunSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://app.mailgun.com/settings/api_security';

const domainsSchema = z.object({ total_count: z.number(), items: z.array(z.object({ name: z.string() })) });

export const mailgunAdapter = httpAdapter({
  provider: 'mailgun',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'Mailgun GET /v3/domains',
    url: (settings: MailgunSettings) => `${settings.apiUrl}/v3/domains?limit=100`,
    auth: { basicUser: 'api' },
    schema: domainsSchema,
    identity: ({ items, total_count: total }) => {
      const first = items[0]?.name;
      return { data: { account: first ? `Mailgun account sending for ${first}` : 'Mailgun account without domains', type: 'API key' }, summary: `live Mailgun API key for ${total} domains` };
    },
    access: ({ items }) => {
      const names = items.map((d) => d.name);
      return { data: { scopes: [], notes: [`can send as ${names.length > 0 ? names.join(', ') : 'no domain yet'}`] }, summary: 'listed the domains the key can send for' };
    },
  },
});
