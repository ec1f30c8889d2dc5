// What leakstop can do about a leaked Anthropic API key. Verifying uses the key itself; the rest
// uses the operator's Admin API key (LEAKSTOP_ANTHROPIC_ADMIN_KEY), which finds the leaked key by
// its partial_key_hint: the leaked key is never sent to an admin endpoint.
// Endpoints (platform.claude.com/docs/en/api), all with anthropic-version: 2023-06-01:
//   GET  /v1/models                                   (verify, x-api-key: the leaked key)
//   GET  /v1/organizations/me                         (verify an Admin API key)
//   GET  /v1/organizations/api_keys?status=active&limit=1000&after_id=   (admin: id, partial_key_hint, workspace_id, created_by)
//   POST /v1/organizations/api_keys/{id} {"status":"inactive"}          (admin: disables the key; reversible)
//   GET  /v1/organizations/usage_report/messages?starting_at&api_key_ids[]&bucket_width=1d&group_by[]=model (admin)
// The Admin API cannot create API keys (only the Console can), so a replacement is made by hand.
// Limits: 429 with retry-after, per organization; the Admin API is unavailable to individual accounts.
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import type { AnthropicSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';
import { matchesRedactedHint } from '../redacted-hint.js';

const MANUAL_URL = 'https://console.anthropic.com/settings/keys';
const ADMIN_KEYS_URL = 'https://console.anthropic.com/settings/admin-keys';
const VERSION = '2023-06-01';
const MAX_PAGES = 5;
const USAGE_DAYS = 7;

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  partial_key_hint: z.string().nullable().optional(),
  status: z.string(),
  workspace_id: z.string().nullable().optional(),
  created_at: z.string().optional(),
  created_by: z.object({ id: z.string(), type: z.string() }).optional(),
});
type ApiKey = z.infer<typeof apiKeySchema>;
const apiKeyPageSchema = z.object({ data: z.array(apiKeySchema), has_more: z.boolean().optional(), last_id: z.string().nullable().optional() });
const usageSchema = z.object({
  data: z.array(
    z.object({
      starting_at: z.string(),
      results: z.array(z.object({ uncached_input_tokens: z.number().optional(), output_tokens: z.number().optional(), model: z.string().nullable().optional() })),
    }),
  ),
});

function headers(key: Secret): Record<string, string> {
  return { 'x-api-key': key.reveal(), 'anthropic-version': VERSION };
}

function isAdminKey(credential: Credential): boolean {
  return credential.ruleId === 'anthropic-admin-key';
}

async function verify(credential: Credential, ctx: AdapterContext<AnthropicSettings>): Promise<Outcome<Identity>> {
  const base = ctx.settings.apiUrl;
  if (isAdminKey(credential)) {
    const reply = await callProvider(ctx, {
      what: 'Anthropic GET /v1/organizations/me',
      url: `${base}/v1/organizations/me`,
      headers: headers(credential.secret),
      schema: z.object({ id: z.string(), name: z.string().optional() }),
      secrets: [credential.secret],
    });
    if (!reply.ok) return reply.setback;
    return { status: 'done', data: { account: reply.data.name ?? reply.data.id, owner: reply.data.id, type: 'Admin API key' }, summary: `live: an Admin API key of the organization ${reply.data.name ?? reply.data.id}` };
  }
  const reply = await callProvider(ctx, {
    what: 'Anthropic GET /v1/models',
    url: `${base}/v1/models`,
    headers: headers(credential.secret),
    schema: z.object({ data: z.array(z.object({ id: z.string() })) }),
    secrets: [credential.secret],
  });
  if (!reply.ok) return reply.setback;
  const organization = reply.headers.get('anthropic-organization-id') ?? undefined;
  return {
    status: 'done',
    data: { account: 'Anthropic API key', type: 'API key', ...(organization === undefined ? {} : { owner: organization }) },
    summary: `live: the key lists ${reply.data.data.length} models${organization === undefined ? '' : ` for organization ${organization}`}`,
  };
}

/** The organization's key whose partial hint fits the leaked key, found with the operator's admin key. */
async function findKey(credential: Credential, ctx: AdapterContext<AnthropicSettings>, adminKey: Secret): Promise<{ ok: true; key: ApiKey } | { ok: false; outcome: Outcome<never> }> {
  const raw = credential.secret.reveal();
  const matches: ApiKey[] = [];
  let afterId: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ status: 'active', limit: '1000', ...(afterId === undefined ? {} : { after_id: afterId }) });
    const reply = await callProvider(ctx, {
      what: 'Anthropic GET /v1/organizations/api_keys',
      url: `${ctx.settings.apiUrl}/v1/organizations/api_keys?${query.toString()}`,
      headers: headers(adminKey),
      deadStatuses: [],
      schema: apiKeyPageSchema,
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return { ok: false, outcome: reply.setback };
    matches.push(...reply.data.data.filter((key) => key.partial_key_hint && matchesRedactedHint(raw, key.partial_key_hint)));
    if (reply.data.has_more !== true || !reply.data.last_id) break;
    afterId = reply.data.last_id;
  }
  if (matches.length === 0) return { ok: false, outcome: { status: 'not-live', summary: 'the admin key\'s organization has no active key like this one: it is already disabled, deleted, or another organization\'s' } };
  if (matches.length > 1) return { ok: false, outcome: unsupported(`${matches.length} active keys share this key's hint: disable the right one by hand`, MANUAL_URL) };
  return { ok: true, key: matches[0]! };
}

async function withFoundKey<T>(credential: Credential, ctx: AdapterContext<AnthropicSettings>, what: string, body: (key: ApiKey, adminKey: Secret) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  if (isAdminKey(credential)) return unsupported(`${what}: Admin API keys are managed in the Console`, ADMIN_KEYS_URL);
  const adminKey = ctx.settings.adminKey;
  if (adminKey === undefined) return unsupported(`${what} needs an Anthropic Admin API key: set LEAKSTOP_ANTHROPIC_ADMIN_KEY(_FILE)`, MANUAL_URL);
  const lookup = await findKey(credential, ctx, adminKey);
  if (!lookup.ok) return lookup.outcome;
  return body(lookup.key, adminKey);
}

async function revoke(credential: Credential, ctx: AdapterContext<AnthropicSettings>): Promise<Outcome<Revocation>> {
  return withFoundKey(credential, ctx, 'disabling the key', async (key, adminKey) => {
    const reply = await callProvider(ctx, {
      what: 'Anthropic POST /v1/organizations/api_keys/{id}',
      method: 'POST',
      url: `${ctx.settings.apiUrl}/v1/organizations/api_keys/${encodeURIComponent(key.id)}`,
      headers: headers(adminKey),
      body: { status: 'inactive' },
      deadStatuses: [404],
      schema: z.object({ id: z.string(), status: z.string() }),
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return reply.setback;
    return { status: 'done', data: { reversible: true }, summary: `set key ${key.id} ("${key.name ?? 'unnamed'}") to ${reply.data.status} (reversible in the Console)` };
  });
}

async function describe(credential: Credential, ctx: AdapterContext<AnthropicSettings>): Promise<Outcome<Access>> {
  return withFoundKey(credential, ctx, 'describing the key', async (key) => {
    const workspace = key.workspace_id ?? 'the default workspace';
    const notes = [`created ${key.created_at ?? 'at an unknown time'} by ${key.created_by?.type ?? 'someone'} ${key.created_by?.id ?? ''}`.trim()];
    return { status: 'done', data: { scopes: [`workspace:${workspace}`], notes }, summary: `key ${key.id} ("${key.name ?? 'unnamed'}") of ${workspace}` };
  });
}

async function activity(credential: Credential, ctx: AdapterContext<AnthropicSettings>): Promise<Outcome<ActivitySummary>> {
  return withFoundKey(credential, ctx, 'reading the key\'s usage', async (key, adminKey) => {
    const startingAt = new Date(ctx.now().getTime() - USAGE_DAYS * 86_400_000).toISOString();
    const query = new URLSearchParams({ starting_at: startingAt, bucket_width: '1d', limit: String(USAGE_DAYS + 1) });
    query.append('api_key_ids[]', key.id);
    query.append('group_by[]', 'model');
    const reply = await callProvider(ctx, {
      what: 'Anthropic GET /v1/organizations/usage_report/messages',
      url: `${ctx.settings.apiUrl}/v1/organizations/usage_report/messages?${query.toString()}`,
      headers: headers(adminKey),
      deadStatuses: [],
      schema: usageSchema,
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return reply.setback;
    const used = reply.data.data.flatMap((bucket) =>
      bucket.results
        .map((r) => ({ time: bucket.starting_at, tokens: (r.uncached_input_tokens ?? 0) + (r.output_tokens ?? 0), model: r.model ?? 'unknown model' }))
        .filter((r) => r.tokens > 0),
    );
    const events = used.map((r) => ({ time: r.time, action: `${r.tokens} tokens`, source: r.model }));
    const tokens = used.reduce((sum, r) => sum + r.tokens, 0);
    return {
      status: 'done',
      data: { events, notes: [`Messages API usage by day and model over the last ${USAGE_DAYS} days (uncached input + output tokens)`] },
      summary: `${tokens} tokens on ${events.length} model-days in the last ${USAGE_DAYS} days`,
    };
  });
}

export const anthropicAdapter: ProviderAdapter<AnthropicSettings> = { provider: 'anthropic', verify, revoke, describe, activity, manualRevokeUrl: MANUAL_URL };
