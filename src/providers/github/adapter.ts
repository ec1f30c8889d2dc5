// What leakstop can do about a leaked GitHub token. Endpoints (REST API version 2022-11-28; the
// primary rate limit is 5,000 requests an hour per user token, 403/429 with x-ratelimit-* when spent,
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
// - GET /user (https://docs.github.com/en/rest/users/users#get-the-authenticated-user): the owner's
//   login; X-OAuth-Scopes lists a classic token's scopes and github-authentication-token-expiration
//   its expiry (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).
// - GET /installation/repositories and DELETE /installation/token
//   (https://docs.github.com/en/rest/apps/installations): installation tokens (ghs_) cannot call
//   /user; the token revokes itself (204).
// - POST /credentials/revoke: see github-revoker.ts (ghp_ and github_pat_ only).
// - GET /orgs/{org}/audit-log?phrase=hashed_token:"…" (Enterprise Cloud organizations; 1,750 queries
//   an hour per user and IP, https://docs.github.com/en/enterprise-cloud@latest/rest/orgs/orgs#get-the-audit-log-for-an-organization):
//   what the token did, found by its SHA-256 (base64), with the operator's audit token.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import type { GithubSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';
import { GithubCredentialRevoker, type RevokerOptions } from './revoker.js';

const GITHUB_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
const AUDIT_LOG_DOCS =
  'https://docs.github.com/en/enterprise-cloud@latest/organizations/keeping-your-organization-secure/managing-security-settings-for-your-organization/identifying-audit-log-events-performed-by-an-access-token';
const MAX_AUDIT_EVENTS = 100;

type TokenKind = 'classic' | 'fine-grained' | 'oauth' | 'user-to-server' | 'installation' | 'refresh';

const KIND_BY_PREFIX: readonly [string, TokenKind][] = [
  ['ghp_', 'classic'],
  ['github_pat_', 'fine-grained'],
  ['gho_', 'oauth'],
  ['ghu_', 'user-to-server'],
  ['ghs_', 'installation'],
  ['ghr_', 'refresh'],
];

const KIND_NAMES: Record<TokenKind, string> = {
  classic: 'personal access token (classic)',
  'fine-grained': 'fine-grained personal access token',
  oauth: 'OAuth app token',
  'user-to-server': 'GitHub App user token',
  installation: 'GitHub App installation token',
  refresh: 'GitHub App refresh token',
};

/** Where a human revokes each kind, for when no API can. */
const MANUAL_URLS: Record<TokenKind, string> = {
  classic: 'https://github.com/settings/tokens',
  'fine-grained': 'https://github.com/settings/personal-access-tokens',
  oauth: 'https://github.com/settings/applications',
  'user-to-server': 'https://github.com/settings/apps/authorizations',
  installation: 'https://github.com/settings/installations',
  refresh: 'https://github.com/settings/apps/authorizations',
};

function tokenKind(secret: Secret): TokenKind | undefined {
  const raw = secret.reveal();
  return KIND_BY_PREFIX.find(([prefix]) => raw.startsWith(prefix))?.[1];
}

const userSchema = z.object({ login: z.string(), type: z.string().optional() });
const installationReposSchema = z.object({
  total_count: z.number(),
  repositories: z.array(z.object({ full_name: z.string(), owner: z.object({ login: z.string() }) })),
});
const auditEventSchema = z.object({
  '@timestamp': z.number(),
  action: z.string(),
  actor: z.string().optional(),
  repo: z.string().optional(),
});

function authHeaders(secret: Secret): Record<string, string> {
  return { ...GITHUB_HEADERS, authorization: `Bearer ${secret.reveal()}` };
}

/** '2026-12-01 10:00:00 UTC' or '… -0700' (GitHub's forms) → ISO 8601; undefined for anything else. */
export function parseGithubExpiry(header: string | null): string | undefined {
  const m = header === null ? null : /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{4})$/.exec(header.trim());
  if (!m) return undefined;
  const zone = m[3] === 'UTC' ? 'Z' : `${m[3]!.slice(0, 3)}:${m[3]!.slice(3)}`;
  const time = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function scopesOf(headers: Headers): string[] | undefined {
  const header = headers.get('x-oauth-scopes');
  if (header === null) return undefined;
  return header.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

interface TokenFacts {
  identity: Identity;
  access: Access;
}

/** One call that answers both verify and describe: who owns the token and what it may do. */
async function inspectToken(credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<Outcome<TokenFacts>> {
  return kind === 'installation' ? inspectInstallationToken(credential, ctx) : inspectUserToken(credential, ctx, kind);
}

async function inspectUserToken(credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<Outcome<TokenFacts>> {
  const response = await callProvider(ctx, {
    what: 'GitHub GET /user',
    url: `${ctx.settings.apiUrl}/user`,
    headers: authHeaders(credential.secret),
    schema: userSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const expiresAt = parseGithubExpiry(response.headers.get('github-authentication-token-expiration'));
  const scopes = scopesOf(response.headers);
  const identity: Identity = { account: response.data.login, type: KIND_NAMES[kind], ...(expiresAt ? { expiresAt } : {}) };
  const notes: string[] = [`${KIND_NAMES[kind]} of ${response.data.login} (${response.data.type ?? 'unknown'} account)`];
  // Fine-grained tokens and App tokens have permissions per repository, which GitHub does not list for the token itself.
  if (scopes === undefined) notes.push('GitHub reports no OAuth scopes for this kind of token: its permissions are set per repository');
  else if (scopes.length === 0) notes.push('no scopes: read-only access to public information');
  return {
    status: 'done',
    data: { identity, access: { scopes: scopes ?? [], notes } },
    summary: `live ${KIND_NAMES[kind]} of ${response.data.login}`,
  };
}

async function inspectInstallationToken(credential: Credential, ctx: AdapterContext<GithubSettings>): Promise<Outcome<TokenFacts>> {
  const response = await callProvider(ctx, {
    what: 'GitHub GET /installation/repositories',
    url: `${ctx.settings.apiUrl}/installation/repositories?per_page=100`,
    headers: authHeaders(credential.secret),
    schema: installationReposSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const { total_count: total, repositories } = response.data;
  const owner = repositories[0]?.owner.login;
  const expiresAt = parseGithubExpiry(response.headers.get('github-authentication-token-expiration'));
  const identity: Identity = {
    account: owner ? `installation on ${owner}` : 'installation without repositories',
    type: KIND_NAMES.installation,
    ...(owner ? { owner } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
  const shown = repositories.map((r) => r.full_name);
  const notes = [`can access ${total} repositor${total === 1 ? 'y' : 'ies'}${shown.length > 0 ? `: ${shown.join(', ')}` : ''}${total > shown.length ? ', …' : ''}`];
  return { status: 'done', data: { identity, access: { scopes: [], notes } }, summary: `live installation token with access to ${total} repositories` };
}

function unknownKind(): Outcome<never> {
  return unsupported('not a GitHub token format leakstop knows', 'https://github.com/settings/tokens');
}

/** The base64 SHA-256 GitHub's audit log records as hashed_token. */
export function hashedToken(secret: Secret): string {
  return createHash('sha256').update(secret.reveal()).digest('base64');
}

async function auditLogActivity(credential: Credential, ctx: AdapterContext<GithubSettings>): Promise<Outcome<ActivitySummary>> {
  const audit = ctx.settings.audit;
  if (!audit) return unsupported('no organization audit log is configured (LEAKSTOP_GITHUB_AUDIT_ORG and LEAKSTOP_GITHUB_AUDIT_TOKEN)', AUDIT_LOG_DOCS);
  const phrase = `hashed_token:"${hashedToken(credential.secret)}"`;
  const query = new URLSearchParams({ phrase, include: 'all', per_page: String(MAX_AUDIT_EVENTS) });
  const response = await callProvider(ctx, {
    what: `GitHub GET /orgs/${audit.org}/audit-log`,
    url: `${ctx.settings.apiUrl}/orgs/${encodeURIComponent(audit.org)}/audit-log?${query.toString()}`,
    headers: { ...GITHUB_HEADERS, authorization: `Bearer ${audit.token.reveal()}` },
    // 401/403/404 here are about the operator's audit token, not the leaked one.
    deadStatuses: [],
    schema: z.array(auditEventSchema),
    secrets: [credential.secret, audit.token],
  });
  if (!response.ok) return response.setback;
  const events = response.data.map((e) => ({
    time: new Date(e['@timestamp']).toISOString(),
    action: e.action,
    ...(e.repo ?? e.actor ? { source: e.repo ?? e.actor } : {}),
  }));
  const notes = events.length === MAX_AUDIT_EVENTS ? [`only the latest ${MAX_AUDIT_EVENTS} events are shown; search the audit log for more`] : [];
  return {
    status: 'done',
    data: { ...(events[0] ? { lastUsedAt: events[0].time } : {}), events, notes },
    summary: `${events.length} audit log event${events.length === 1 ? '' : 's'} in ${audit.org} made with this token`,
  };
}

async function revokeInstallationToken(credential: Credential, ctx: AdapterContext<GithubSettings>): Promise<Outcome<Revocation>> {
  const response = await callProvider(ctx, {
    what: 'GitHub DELETE /installation/token',
    method: 'DELETE',
    url: `${ctx.settings.apiUrl}/installation/token`,
    headers: authHeaders(credential.secret),
    deadStatuses: [401],
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: { reversible: false }, summary: 'GitHub revoked the installation token' };
}

export interface GithubAdapterOptions {
  revoker?: RevokerOptions;
}

/** One revoker per context, so every credential revoked through the same context shares batches and budget. */
export function createGithubAdapter(options: GithubAdapterOptions = {}): ProviderAdapter<GithubSettings> {
  const revokers = new WeakMap<AdapterContext<GithubSettings>, GithubCredentialRevoker>();
  // verify and describe read the same GET /user: one request per credential object (one response
  // step), so revoking waits for one round trip to GitHub, not two.
  // Only answers that the token is live are kept: a failure is asked again.
  const inspected = new WeakMap<Credential, Outcome<TokenFacts>>();
  const inspectOnce = async (credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<Outcome<TokenFacts>> => {
    const known = inspected.get(credential);
    if (known !== undefined) return known;
    const facts = await inspectToken(credential, ctx, kind);
    if (facts.status === 'done') inspected.set(credential, facts);
    return facts;
  };
  const revokerFor = (ctx: AdapterContext<GithubSettings>): GithubCredentialRevoker => {
    let revoker = revokers.get(ctx);
    if (!revoker) revokers.set(ctx, (revoker = new GithubCredentialRevoker(ctx, options.revoker)));
    return revoker;
  };

  return {
    provider: 'github',
    manualRevokeUrl: MANUAL_URLS.classic,

    async verify(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      if (kind === 'refresh') return unsupported('a refresh token cannot call the API; only its app can use it', MANUAL_URLS.refresh);
      const facts = await inspectOnce(credential, ctx, kind);
      return facts.status === 'done' ? { ...facts, data: facts.data.identity } : facts;
    },

    async describe(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      if (kind === 'refresh') return unsupported('a refresh token cannot call the API; only its app can use it', MANUAL_URLS.refresh);
      const facts = await inspectOnce(credential, ctx, kind);
      return facts.status === 'done' ? { ...facts, data: facts.data.access } : facts;
    },

    async revoke(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      // "Live" no longer holds once a revocation was sent: a check after a lost answer must ask GitHub.
      inspected.delete(credential);
      if (kind === 'installation') return revokeInstallationToken(credential, ctx);
      if (kind === 'classic' || kind === 'fine-grained') return revokerFor(ctx).revoke(credential.secret);
      // OAuth and App user tokens are revoked with the app's client secret, which leakstop does not hold.
      return unsupported(`GitHub's revocation API does not take ${KIND_NAMES[kind]}s; revoke the authorization by hand`, MANUAL_URLS[kind]);
    },

    activity: auditLogActivity,
  };
}

export const githubAdapter = createGithubAdapter();
