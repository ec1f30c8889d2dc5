// What leakstop can do about a leaked Postman API key: GET /me (https://www.postman.com/postman/postman-public-workspace/request/lxo8t8h/get-authenticated-user)
// with the X-API-Key header names the user. The Postman API allows 300 requests a minute per key
// and answers 429 beyond (https://learning.postman.com/docs/developer/postman-api/postman-api-rate-limits/).
// No API revokes a key.
import { z } from 'zod';
import type { PostmanSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://go.postman.co/settings/me/api-keys';

const meSchema = z.object({ user: z.object({ id: z.number(), username: z.string(), email: z.string().optional(), teamName: z.string().nullable().optional() }) });

export const postmanAdapter = httpAdapter({
  provider: 'postman',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'Postman GET /me',
    url: (settings: PostmanSettings) => `${settings.apiUrl}/me`,
    auth: { header: 'x-api-key' },
    schema: meSchema,
    identity: ({ user: { username, teamName } }) => ({
      data: { account: username, type: 'API key', ...(teamName ? { owner: teamName } : {}) },
      summary: `live Postman API key of ${username}`,
    }),
  },
});
