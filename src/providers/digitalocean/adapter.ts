// What leakstop can do about a leaked DigitalOcean token: GET /v2/account
// (https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account) names the account and team.
// The API allows 5,000 requests an hour and 250 a minute per token, 429 beyond
// (https://docs.digitalocean.com/reference/api/digitalocean/#section/Introduction/Rate-Limit).
// Personal access tokens can only be deleted in the control panel.
import { z } from 'zod';
import type { DigitaloceanSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://cloud.digitalocean.com/account/api/tokens';

const accountSchema = z.object({
  account: z.object({
    email: z.string(),
    uuid: z.string().optional(),
    status: z.string().optional(),
    team: z.object({ name: z.string() }).optional(),
  }),
});

export const digitaloceanAdapter = httpAdapter({
  provider: 'digitalocean',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'DigitalOcean GET /v2/account',
    url: (settings: DigitaloceanSettings) => `${settings.apiUrl}/v2/account`,
    auth: { bearer: true },
    schema: accountSchema,
    identity: ({ account: { email, team } }, credential) => ({
      data: { account: email, type: credential.ruleId === 'digitalocean-oauth-token' ? 'OAuth token' : 'personal access token', ...(team ? { owner: team.name } : {}) },
      summary: `live DigitalOcean token of ${email}${team ? ` (team ${team.name})` : ''}`,
    }),
  },
});
