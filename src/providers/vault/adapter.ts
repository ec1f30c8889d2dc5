// What leakstop can do about a leaked HashiCorp Vault token, on the operator's Vault only
// (LEAKSTOP_VAULT_URL: a token found in a repository is never sent to an address the repository names).
// Token auth method API (https://developer.hashicorp.com/vault/api-docs/auth/token):
// - GET /v1/auth/token/lookup-self: display name, policies, expiry, last renewal.
// - POST /v1/auth/token/revoke-self: revokes the token and its children (204).
// Vault has no rate limit unless the operator configures resource quotas (429 then).
import { z } from 'zod';
import type { Credential, Outcome, ProviderAdapter, AdapterContext } from '../contract.js';
import type { VaultSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';

const MANUAL_URL = 'https://developer.hashicorp.com/vault/docs/commands/token/revoke';

const lookupSchema = z.object({
  data: z.object({
    display_name: z.string(),
    policies: z.array(z.string()),
    expire_time: z.string().nullable().optional(),
    type: z.string().optional(),
    path: z.string().optional(),
    last_renewal_time: z.number().nullable().optional(),
  }),
});
type TokenData = z.infer<typeof lookupSchema>['data'];

function notConfigured(): Outcome<never> {
  return unsupported('no Vault address is configured (LEAKSTOP_VAULT_URL): revoke the token with `vault token revoke`', MANUAL_URL);
}

function headers(credential: Credential, ctx: AdapterContext<VaultSettings>): Record<string, string> {
  const namespace = ctx.settings.namespace;
  return { 'x-vault-token': credential.secret.reveal(), ...(namespace ? { 'x-vault-namespace': namespace } : {}) };
}

async function lookupSelf(credential: Credential, ctx: AdapterContext<VaultSettings>, vaultUrl: string): Promise<Outcome<TokenData>> {
  const response = await callProvider(ctx, {
    what: 'Vault GET /v1/auth/token/lookup-self',
    url: `${vaultUrl}/v1/auth/token/lookup-self`,
    headers: headers(credential, ctx),
    schema: lookupSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: response.data.data, summary: `live Vault token "${response.data.data.display_name}"` };
}

export const vaultAdapter: ProviderAdapter<VaultSettings> = {
  provider: 'vault',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const url = ctx.settings.url;
    if (!url) return notConfigured();
    const found = await lookupSelf(credential, ctx, url);
    if (found.status !== 'done') return found;
    const { display_name: name, expire_time: expiry, type } = found.data;
    const expiresAt = expiry ? new Date(expiry).toISOString() : undefined;
    return { ...found, data: { account: name, type: `${type ?? 'service'} token`, ...(expiresAt ? { expiresAt } : {}) } };
  },

  async describe(credential, ctx) {
    const url = ctx.settings.url;
    if (!url) return notConfigured();
    const found = await lookupSelf(credential, ctx, url);
    if (found.status !== 'done') return found;
    const notes = found.data.path ? [`issued by ${found.data.path}`] : [];
    if (found.data.policies.includes('root')) notes.push('root token: unrestricted access to this Vault');
    return { ...found, data: { scopes: found.data.policies, notes } };
  },

  async revoke(credential, ctx) {
    const url = ctx.settings.url;
    if (!url) return notConfigured();
    const response = await callProvider(ctx, {
      what: 'Vault POST /v1/auth/token/revoke-self',
      method: 'POST',
      url: `${url}/v1/auth/token/revoke-self`,
      headers: headers(credential, ctx),
      schema: z.unknown(),
      secrets: [credential.secret],
    });
    if (!response.ok) return response.setback;
    return { status: 'done', data: { reversible: false }, summary: 'Vault revoked the token and its child tokens' };
  },
};
