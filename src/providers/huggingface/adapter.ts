// What leakstop can do about a leaked Hugging Face token: GET /api/whoami-v2 (the endpoint
// huggingface_hub's whoami() calls, https://huggingface.co/docs/huggingface_hub/package_reference/hf_api)
// names the user and the token's role (read, write or fineGrained). Hugging Face rate-limits its Hub
// API per token and answers 429 (https://huggingface.co/docs/hub/rate-limits). No API revokes a token.
import { z } from 'zod';
import type { HuggingfaceSettings } from './settings.js';
import { httpAdapter } from '../http-adapter.js';

const MANUAL_URL = 'https://huggingface.co/settings/tokens';

const whoamiSchema = z.object({
  name: z.string(),
  type: z.string().optional(),
  orgs: z.array(z.object({ name: z.string() })).optional(),
  auth: z.object({ accessToken: z.object({ displayName: z.string().optional(), role: z.string() }).optional() }).optional(),
});

export const huggingfaceAdapter = httpAdapter({
  provider: 'huggingface',
  manualRevokeUrl: MANUAL_URL,
  inspect: {
    what: 'Hugging Face GET /api/whoami-v2',
    url: (settings: HuggingfaceSettings) => `${settings.url}/api/whoami-v2`,
    auth: { bearer: true },
    schema: whoamiSchema,
    identity: ({ name, auth }) => {
      const token = auth?.accessToken;
      return {
        data: { account: name, type: `${token?.role ?? 'unknown'} access token${token?.displayName ? ` "${token.displayName}"` : ''}` },
        summary: `live Hugging Face token of ${name}`,
      };
    },
    access: ({ auth, orgs }) => {
      const role = auth?.accessToken?.role;
      const notes = (orgs ?? []).length > 0 ? [`member of ${(orgs ?? []).map((o) => o.name).join(', ')}`] : [];
      if (role === 'fineGrained') notes.push('fine-grained token: its permissions are listed on the token settings page');
      return { data: { scopes: role ? [role] : [], notes }, summary: `Hugging Face token role: ${role ?? 'unknown'}` };
    },
  },
});
