// What leakstop can do about a leaked OpenAI API key. Verifying uses the key itself; everything
// else uses the operator's admin key (LEAKSTOP_OPENAI_ADMIN_KEY), which finds the leaked key among
// the organization's project keys by its redacted value: the leaked key is never sent to an admin
// endpoint.
// Endpoints (developers.openai.com/api/reference):
//   GET  /v1/models                                                   (verify; the key's own rate limits)
//   GET  /v1/organization/projects?limit=100&after=                   (admin)
//   GET  /v1/organization/projects/{project}/api_keys?limit=100&after= (admin: id, redacted_value, owner, last_used_at)
//   DELETE /v1/organization/projects/{project}/api_keys/{key}         (admin: deletes a user's or service account's key)
//   POST /v1/organization/projects/{project}/service_accounts/{sa}/api_keys (admin: a new key for a service account)
//   GET  /v1/organization/usage/completions?start_time&api_key_ids&bucket_width=1d&group_by=model (admin)
//   GET  /v1/organization/admin_api_keys?limit=100&after=  and  DELETE /v1/organization/admin_api_keys/{key}
//        (a leaked admin key: with the operator's admin key, or the leaked one deleting itself)
// Limits: admin endpoints answer 429 with retry-after like the rest of the API; a project listing
// is read at most MAX_PAGES pages of 100. User-owned keys cannot be created through the API: they
// are rotated by their owner in the dashboard.
import { z } from 'zod';
import { Secret } from '../../detect/secret.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation, Rotation } from '../contract.js';
import type { OpenaiSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';
import { matchesRedactedHint } from '../redacted-hint.js';

const MANUAL_URL = 'https://platform.openai.com/api-keys';
const ADMIN_KEYS_URL = 'https://platform.openai.com/settings/organization/admin-keys';
const MAX_PAGES = 10;
const USAGE_DAYS = 7;

const modelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
const listPage = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), has_more: z.boolean().optional(), last_id: z.string().nullable().optional() });
const projectSchema = z.object({ id: z.string(), name: z.string(), status: z.string().optional() });
const projectKeySchema = z.object({
  id: z.string(),
  name: z.string().nullable().optional(),
  redacted_value: z.string(),
  created_at: z.number().nullable().optional(),
  last_used_at: z.number().nullable().optional(),
  owner: z
    .object({
      type: z.string().optional(),
      user: z.object({ id: z.string(), email: z.string().optional(), role: z.string().optional() }).nullable().optional(),
      service_account: z.object({ id: z.string(), name: z.string().optional(), role: z.string().optional() }).nullable().optional(),
    })
    .optional(),
});
type ProjectKey = z.infer<typeof projectKeySchema>;
const adminKeySchema = z.object({ id: z.string(), name: z.string().nullable().optional(), redacted_value: z.string() });
const serviceAccountKeySchema = z.object({ id: z.string(), value: z.string().min(8) });
const usageSchema = z.object({
  data: z.array(
    z.object({
      start_time: z.number(),
      results: z.array(z.object({ num_model_requests: z.number().optional(), input_tokens: z.number().optional(), output_tokens: z.number().optional(), model: z.string().nullable().optional() })),
    }),
  ),
});

interface FoundKey {
  project: { id: string; name: string };
  key: ProjectKey;
}

function isAdminKey(credential: Credential): boolean {
  return credential.ruleId === 'openai-admin-key';
}

function adminHeaders(adminKey: Secret): Record<string, string> {
  return { authorization: `Bearer ${adminKey.reveal()}` };
}

function iso(seconds: number | null | undefined): string | undefined {
  return seconds === null || seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

async function verify(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<Identity>> {
  if (isAdminKey(credential)) {
    const reply = await callProvider(ctx, {
      what: 'OpenAI GET /v1/organization/projects',
      url: `${ctx.settings.apiUrl}/v1/organization/projects?limit=1`,
      headers: { authorization: `Bearer ${credential.secret.reveal()}` },
      schema: listPage(projectSchema),
      secrets: [credential.secret],
    });
    if (!reply.ok) return reply.setback;
    return { status: 'done', data: { account: 'organization admin key', type: 'admin API key' }, summary: 'live: an OpenAI admin key, which can manage the whole organization' };
  }
  const reply = await callProvider(ctx, {
    what: 'OpenAI GET /v1/models',
    url: `${ctx.settings.apiUrl}/v1/models`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    schema: modelsSchema,
    secrets: [credential.secret],
  });
  if (!reply.ok) return reply.setback;
  // The documented openai-organization response header names the organization the key belongs to.
  const organization = reply.headers.get('openai-organization') ?? undefined;
  const identity: Identity = { account: organization ?? 'OpenAI API key', type: credential.details['keyType'] ?? 'API key' };
  return { status: 'done', data: identity, summary: `live: the key lists ${reply.data.data.length} models${organization === undefined ? '' : ` for ${organization}`}` };
}

/** Pages through a list endpoint with the admin key; a Setback ends the walk. */
async function listAll<T extends z.ZodType>(ctx: AdapterContext<OpenaiSettings>, what: string, url: string, item: T, adminKey: Secret): Promise<{ ok: true; items: z.infer<T>[] } | { ok: false; setback: Outcome<never> }> {
  const items: z.infer<T>[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const pageUrl = `${url}${url.includes('?') ? '&' : '?'}limit=100${after === undefined ? '' : `&after=${encodeURIComponent(after)}`}`;
    const reply = await callProvider(ctx, { what, url: pageUrl, headers: adminHeaders(adminKey), deadStatuses: [], schema: listPage(item), secrets: [adminKey] });
    if (!reply.ok) return { ok: false, setback: reply.setback };
    items.push(...(reply.data.data as z.infer<T>[]));
    if (reply.data.has_more !== true || !reply.data.last_id) break;
    after = reply.data.last_id;
  }
  return { ok: true, items };
}

/** The project key whose redacted value fits the leaked key, found with the operator's admin key. */
async function findKey(credential: Credential, ctx: AdapterContext<OpenaiSettings>, adminKey: Secret): Promise<{ ok: true; found: FoundKey } | { ok: false; outcome: Outcome<never> }> {
  const base = `${ctx.settings.apiUrl}/v1/organization/projects`;
  const projects = await listAll(ctx, 'OpenAI GET /v1/organization/projects', base, projectSchema, adminKey);
  if (!projects.ok) return { ok: false, outcome: projects.setback };
  const raw = credential.secret.reveal();
  const matches: FoundKey[] = [];
  for (const project of projects.items) {
    const keys = await listAll(ctx, 'OpenAI GET /v1/organization/projects/{project}/api_keys', `${base}/${encodeURIComponent(project.id)}/api_keys`, projectKeySchema, adminKey);
    if (!keys.ok) return { ok: false, outcome: keys.setback };
    for (const key of keys.items) if (matchesRedactedHint(raw, key.redacted_value)) matches.push({ project: { id: project.id, name: project.name }, key });
  }
  if (matches.length === 0) return { ok: false, outcome: { status: 'not-live', summary: `no project of the admin key's organization (${projects.items.length} projects) has this key: it was deleted, or belongs to another organization` } };
  if (matches.length > 1) return { ok: false, outcome: unsupported(`${matches.length} project keys share this key's redacted value: delete the right one by hand`, MANUAL_URL) };
  return { ok: true, found: matches[0]! };
}

/** Runs `body` with the leaked key found through the operator's admin key. */
async function withFoundKey<T>(credential: Credential, ctx: AdapterContext<OpenaiSettings>, what: string, body: (found: FoundKey, adminKey: Secret) => Promise<Outcome<T>>): Promise<Outcome<T>> {
  if (isAdminKey(credential)) return unsupported(`${what}: admin keys are managed on the organization's admin keys page`, ADMIN_KEYS_URL);
  const adminKey = ctx.settings.adminKey;
  if (adminKey === undefined) return unsupported(`${what} needs an OpenAI admin key: set LEAKSTOP_OPENAI_ADMIN_KEY(_FILE)`, MANUAL_URL);
  const lookup = await findKey(credential, ctx, adminKey);
  if (!lookup.ok) return lookup.outcome;
  return body(lookup.found, adminKey);
}

function ownerName(key: ProjectKey): string {
  const owner = key.owner;
  if (owner?.service_account) return `service account ${owner.service_account.name ?? owner.service_account.id}`;
  if (owner?.user) return `user ${owner.user.email ?? owner.user.id}`;
  return 'an unknown owner';
}

/**
 * A leaked admin key is found among the organization's admin keys and deleted, with the operator's
 * admin key or, without one, with the leaked admin key itself (it may delete itself).
 */
async function revokeAdminKey(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<Revocation>> {
  const actor = ctx.settings.adminKey ?? credential.secret;
  const base = `${ctx.settings.apiUrl}/v1/organization/admin_api_keys`;
  const keys = await listAll(ctx, 'OpenAI GET /v1/organization/admin_api_keys', base, adminKeySchema, actor);
  if (!keys.ok) return keys.setback;
  const raw = credential.secret.reveal();
  const matches = keys.items.filter((key) => matchesRedactedHint(raw, key.redacted_value));
  if (matches.length === 0) return { status: 'not-live', summary: 'the organization has no admin key like this one: it was already deleted' };
  if (matches.length > 1) return unsupported(`${matches.length} admin keys share this key's redacted value: delete the right one by hand`, ADMIN_KEYS_URL);
  const key = matches[0]!;
  const reply = await callProvider(ctx, {
    what: 'OpenAI DELETE /v1/organization/admin_api_keys/{key}',
    method: 'DELETE',
    url: `${base}/${encodeURIComponent(key.id)}`,
    headers: adminHeaders(actor),
    deadStatuses: [404],
    schema: z.object({ deleted: z.boolean().optional() }).optional(),
    secrets: [actor, credential.secret],
  });
  if (!reply.ok) return reply.setback;
  const who = actor === credential.secret ? 'with the leaked key itself' : 'with the operator\'s admin key';
  return { status: 'done', data: { reversible: false }, summary: `deleted admin key ${key.id} ("${key.name ?? 'unnamed'}") ${who}` };
}

async function revoke(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<Revocation>> {
  if (isAdminKey(credential)) return revokeAdminKey(credential, ctx);
  return withFoundKey(credential, ctx, 'deleting the key', async ({ project, key }, adminKey) => {
    const reply = await callProvider(ctx, {
      what: 'OpenAI DELETE /v1/organization/projects/{project}/api_keys/{key}',
      method: 'DELETE',
      url: `${ctx.settings.apiUrl}/v1/organization/projects/${encodeURIComponent(project.id)}/api_keys/${encodeURIComponent(key.id)}`,
      headers: adminHeaders(adminKey),
      deadStatuses: [404],
      schema: z.object({ deleted: z.boolean().optional() }).optional(),
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return reply.setback;
    return { status: 'done', data: { reversible: false }, summary: `deleted key ${key.id} ("${key.name ?? 'unnamed'}") of ${ownerName(key)} in project ${project.name}` };
  });
}

async function rotate(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<Rotation>> {
  return withFoundKey(credential, ctx, 'issuing a replacement key', async ({ project, key }, adminKey) => {
    const serviceAccount = key.owner?.service_account;
    if (!serviceAccount) return unsupported(`the key belongs to ${ownerName(key)}: OpenAI lets only its owner create a user key`, MANUAL_URL);
    const reply = await callProvider(ctx, {
      what: 'OpenAI POST /v1/organization/projects/{project}/service_accounts/{sa}/api_keys',
      method: 'POST',
      url: `${ctx.settings.apiUrl}/v1/organization/projects/${encodeURIComponent(project.id)}/service_accounts/${encodeURIComponent(serviceAccount.id)}/api_keys`,
      headers: adminHeaders(adminKey),
      body: { name: `${key.name ?? 'key'} (rotated by leakstop)` },
      deadStatuses: [],
      schema: serviceAccountKeySchema,
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return reply.setback;
    return {
      status: 'done',
      data: { replacement: new Secret(reply.data.value), consumerHint: `new key ${reply.data.id} of service account ${serviceAccount.name ?? serviceAccount.id} in project ${project.name}` },
      summary: `created key ${reply.data.id} for service account ${serviceAccount.name ?? serviceAccount.id} in project ${project.name}`,
    };
  });
}

async function describe(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<Access>> {
  return withFoundKey(credential, ctx, 'describing the key', async ({ project, key }) => {
    const role = key.owner?.service_account?.role ?? key.owner?.user?.role;
    const notes = [`owned by ${ownerName(key)}${role === undefined ? '' : ` (project role ${role})`}`];
    const created = iso(key.created_at);
    if (created !== undefined) notes.push(`created ${created}`);
    return { status: 'done', data: { scopes: [`project:${project.name}`], notes }, summary: `key ${key.id} of project ${project.name}, ${notes[0] ?? ''}` };
  });
}

async function activity(credential: Credential, ctx: AdapterContext<OpenaiSettings>): Promise<Outcome<ActivitySummary>> {
  return withFoundKey(credential, ctx, 'reading the key\'s usage', async ({ key }, adminKey) => {
    const start = Math.floor(ctx.now().getTime() / 1000) - USAGE_DAYS * 86_400;
    const query = new URLSearchParams({ start_time: String(start), bucket_width: '1d', limit: String(USAGE_DAYS + 1) });
    query.append('api_key_ids', key.id);
    query.append('group_by', 'model');
    const reply = await callProvider(ctx, {
      what: 'OpenAI GET /v1/organization/usage/completions',
      url: `${ctx.settings.apiUrl}/v1/organization/usage/completions?${query.toString()}`,
      headers: adminHeaders(adminKey),
      deadStatuses: [],
      schema: usageSchema,
      secrets: [adminKey, credential.secret],
    });
    if (!reply.ok) return reply.setback;
    const events = reply.data.data.flatMap((bucket) =>
      bucket.results
        .filter((r) => (r.num_model_requests ?? 0) > 0)
        .map((r) => ({ time: new Date(bucket.start_time * 1000).toISOString(), action: `${r.num_model_requests ?? 0} requests, ${(r.input_tokens ?? 0) + (r.output_tokens ?? 0)} tokens`, source: r.model ?? 'unknown model' })),
    );
    const requests = reply.data.data.flatMap((b) => b.results).reduce((sum, r) => sum + (r.num_model_requests ?? 0), 0);
    const lastUsedAt = iso(key.last_used_at);
    return {
      status: 'done',
      data: { events, notes: [`completions usage by day and model over the last ${USAGE_DAYS} days`], ...(lastUsedAt === undefined ? {} : { lastUsedAt }) },
      summary: `${requests} completion requests in the last ${USAGE_DAYS} days${lastUsedAt === undefined ? '' : `; last used ${lastUsedAt}`}`,
    };
  });
}

export const openaiAdapter: ProviderAdapter<OpenaiSettings> = {
  provider: 'openai',
  verify,
  revoke,
  rotate,
  describe,
  activity,
  manualRevokeUrl: MANUAL_URL,
  // describe, activity and rotate find the key among the project's keys, where a deleted key is gone.
  order: { assessWhileLive: true, rotateBeforeRevoke: true },
};
