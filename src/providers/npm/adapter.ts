// What leakstop can do about a leaked npm token, against the registry (LEAKSTOP_NPM_REGISTRY_URL).
// The registry's token API is the one npm-profile and `npm token` use
// (https://github.com/npm/npm-profile#readme, https://docs.npmjs.com/cli/commands/npm-token):
// - GET /-/whoami: the token's user.
// - GET /-/npm/v1/tokens: the user's tokens, each with `key` = the SHA-512 (hex) of the token and a
//   6-character preview; paged through urls.next.
// - DELETE /-/npm/v1/tokens/token/{key}: revokes it (npm warns this can take up to an hour).
// The registry publishes no fixed rate limit; it answers 429 when one is hit.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Access, Credential, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import type { NpmSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';

const MANUAL_URL = 'https://docs.npmjs.com/revoking-access-tokens';
const MAX_PAGES = 20;

const tokenEntrySchema = z.object({
  key: z.string(),
  readonly: z.boolean().optional(),
  automation: z.boolean().optional(),
  cidr_whitelist: z.array(z.string()).nullable().optional(),
  created: z.string().optional(),
});
type TokenEntry = z.infer<typeof tokenEntrySchema>;

const tokenListSchema = z.object({
  objects: z.array(tokenEntrySchema),
  urls: z.object({ next: z.string().optional() }).optional(),
});

function bearer(credential: Credential): Record<string, string> {
  return { authorization: `Bearer ${credential.secret.reveal()}` };
}

/** How the registry names a token in its list: the SHA-512 of the whole token, in hex. */
export function npmTokenKey(raw: string): string {
  return createHash('sha512').update(raw).digest('hex');
}

/** Follows urls.next only on the registry's own origin, so the token never goes elsewhere. */
function nextPage(next: string | undefined, ctx: AdapterContext<NpmSettings>): string | undefined {
  if (!next) return undefined;
  const registry = new URL(ctx.settings.registryUrl);
  const url = new URL(next, registry);
  return url.origin === registry.origin ? url.toString() : undefined;
}

/** The token's own entry in its user's token list. */
async function findOwnEntry(credential: Credential, ctx: AdapterContext<NpmSettings>): Promise<Outcome<TokenEntry>> {
  const key = npmTokenKey(credential.secret.reveal());
  let url: string | undefined = `${ctx.settings.registryUrl}/-/npm/v1/tokens`;
  for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
    const response = await callProvider(ctx, {
      what: 'npm GET /-/npm/v1/tokens',
      url,
      headers: bearer(credential),
      deadStatuses: [401],
      schema: tokenListSchema,
      secrets: [credential.secret],
    });
    if (!response.ok) {
      const { setback } = response;
      // Granular tokens may not list tokens: a human can still delete it on the website.
      return setback.status === 'failed' && !setback.retryable ? unsupported(`${setback.summary}; delete the token by hand`, MANUAL_URL) : setback;
    }
    const entry = response.data.objects.find((o) => o.key === key);
    if (entry) return { status: 'done', data: entry, summary: 'found the token in its user’s token list' };
    url = nextPage(response.data.urls?.next, ctx);
  }
  return unsupported('the token is not in its user’s token list (a legacy or session token?); delete it by hand', MANUAL_URL);
}

async function deleteToken(credential: Credential, ctx: AdapterContext<NpmSettings>): Promise<Outcome<Revocation>> {
  const found = await findOwnEntry(credential, ctx);
  if (found.status !== 'done') return found;
  const response = await callProvider(ctx, {
    what: 'npm DELETE /-/npm/v1/tokens/token/{key}',
    method: 'DELETE',
    url: `${ctx.settings.registryUrl}/-/npm/v1/tokens/token/${found.data.key}`,
    headers: bearer(credential),
    deadStatuses: [401],
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: { reversible: false }, summary: 'npm revoked the token (the registry may take up to an hour to stop accepting it)' };
}

function accessOf(entry: TokenEntry): Access {
  const scopes = [entry.readonly ? 'read-only' : 'publish'];
  const notes: string[] = [];
  if (entry.automation) notes.push('automation token: bypasses two-factor authentication when publishing');
  if (entry.cidr_whitelist && entry.cidr_whitelist.length > 0) notes.push(`usable only from ${entry.cidr_whitelist.join(', ')}`);
  if (entry.created) notes.push(`created ${entry.created}`);
  return { scopes, notes };
}

export const npmAdapter: ProviderAdapter<NpmSettings> = {
  provider: 'npm',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    const response = await callProvider(ctx, {
      what: 'npm GET /-/whoami',
      url: `${ctx.settings.registryUrl}/-/whoami`,
      headers: bearer(credential),
      schema: z.object({ username: z.string() }),
      secrets: [credential.secret],
    });
    if (!response.ok) return response.setback;
    return { status: 'done', data: { account: response.data.username, type: 'access token' }, summary: `live npm token of ${response.data.username}` };
  },

  async describe(credential, ctx) {
    const found = await findOwnEntry(credential, ctx);
    return found.status === 'done' ? { status: 'done', data: accessOf(found.data), summary: found.summary } : found;
  },

  revoke: deleteToken,
};
