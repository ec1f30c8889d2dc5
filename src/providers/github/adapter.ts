// What leakstop can do about a leaked GitHub token, on every GitHub the operator's settings name: with
// GHE_HOST set, GitHub Enterprise Server first (it issues the same ghp_, github_pat_, gho_, ghu_, ghs_
// and ghr_ tokens), then github.com, since a token leaked on GHES may be a github.com token. The
// token is revoked on the host that says it is live, and every answer records that host.
// Endpoints, the same on GHES under /api/v3 (REST API version 2022-11-28; the primary rate limit is 5,000 requests an hour per user token, 403/429 with x-ratelimit-* when spent,
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
// - GET /user (https://docs.github.com/en/rest/users/users#get-the-authenticated-user): the owner's
//   login; X-OAuth-Scopes lists a classic token's scopes and github-authentication-token-expiration
//   its expiry (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).
// - GET /installation/repositories and DELETE /installation/token
//   (https://docs.github.com/en/rest/apps/installations): installation tokens (ghs_) cannot call
//   /user; the token revokes itself (204).
// - POST /credentials/revoke: see revoker.ts (ghp_ and github_pat_ only; unauthenticated on
//   github.com, authenticated on GHES 3.19).
// - GET /orgs/{org}/audit-log?phrase=hashed_token:"…" (Enterprise Cloud organizations; 1,750 queries
//   an hour per user and IP, https://docs.github.com/en/enterprise-cloud@latest/rest/orgs/orgs#get-the-audit-log-for-an-organization):
//   what the token did, found by its SHA-256 (base64), with the operator's audit token; read on the
//   first host (GHES when GHE_HOST is set).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import { answeredBy, asksSeveralHosts, type GithubHost, type GithubSettings } from './settings.js';
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

/** Where a human revokes each kind, for when no API can, under a host's web URL. */
const MANUAL_PATHS: Record<TokenKind, string> = {
  classic: '/settings/tokens',
  'fine-grained': '/settings/personal-access-tokens',
  oauth: '/settings/applications',
  'user-to-server': '/settings/apps/authorizations',
  installation: '/settings/installations',
  refresh: '/settings/apps/authorizations',
};

const GITHUB_COM_WEB = 'https://github.com';

function manualUrl(kind: TokenKind, host?: GithubHost): string {
  return `${host?.webUrl ?? GITHUB_COM_WEB}${MANUAL_PATHS[kind]}`;
}

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

/** The token's facts and the host that knows it: the host where it is live. */
interface LiveToken extends TokenFacts {
  host: GithubHost;
}

/**
 * Asks each host in turn (GHES first) until one says the token is live. Dead on every host is
 * 'not-live'; a host that failed (5xx, timeout) before any said live makes the answer that failure,
 * so the queue asks again rather than conclude the token is dead.
 */
async function inspectToken(credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<Outcome<LiveToken>> {
  const { hosts } = ctx.settings;
  let failure: Outcome<LiveToken> | undefined;
  const dead: { host: string; summary: string }[] = [];
  for (const host of hosts) {
    const facts = kind === 'installation' ? await inspectInstallationToken(credential, ctx, host) : await inspectUserToken(credential, ctx, kind, host);
    const by = answeredBy(ctx.settings, host);
    if (facts.status === 'done') {
      const on = by.host === undefined ? '' : ` on ${host.name}`;
      return { ...facts, ...by, data: { ...facts.data, host }, summary: `${facts.summary}${on}` };
    }
    if (facts.status === 'not-live') dead.push({ host: host.name, summary: facts.summary });
    else failure ??= { ...facts, ...by };
  }
  if (failure !== undefined) return failure;
  if (!asksSeveralHosts(ctx.settings)) return { status: 'not-live', summary: dead[0]?.summary ?? 'not live' };
  return { status: 'not-live', host: dead.map((d) => d.host).join(', '), summary: `not live on any GitHub leakstop asked: ${dead.map((d) => `${d.host}: ${d.summary}`).join('; ')}` };
}

async function inspectUserToken(credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind, host: GithubHost): Promise<Outcome<TokenFacts>> {
  const response = await callProvider(ctx, {
    what: 'GitHub GET /user',
    url: `${host.apiUrl}/user`,
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

async function inspectInstallationToken(credential: Credential, ctx: AdapterContext<GithubSettings>, host: GithubHost): Promise<Outcome<TokenFacts>> {
  const response = await callProvider(ctx, {
    what: 'GitHub GET /installation/repositories',
    url: `${host.apiUrl}/installation/repositories?per_page=100`,
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
  return unsupported('not a GitHub token format leakstop knows', manualUrl('classic'));
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

async function revokeInstallationToken(credential: Credential, ctx: AdapterContext<GithubSettings>, host: GithubHost): Promise<Outcome<Revocation>> {
  const by = answeredBy(ctx.settings, host);
  const response = await callProvider(ctx, {
    what: `GitHub DELETE /installation/token${by.host === undefined ? '' : ` on ${host.name}`}`,
    method: 'DELETE',
    url: `${host.apiUrl}/installation/token`,
    headers: authHeaders(credential.secret),
    deadStatuses: [401],
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return { ...response.setback, ...by };
  return { status: 'done', data: { reversible: false }, ...by, summary: `${by.host ?? 'GitHub'} revoked the installation token` };
}

export interface GithubAdapterOptions {
  revoker?: RevokerOptions;
  /**
   * The web base of the first GitHub asked (GHE_HOST's with GHES): the page where a human revokes a
   * token when leakstop gives up or policy holds it back. github.com unless given.
   */
  webUrl?: string;
}

/**
 * One revoker per context and host, so every credential revoked through the same context on the same
 * GitHub shares batches and that host's budget.
 */
export function createGithubAdapter(options: GithubAdapterOptions = {}): ProviderAdapter<GithubSettings> {
  const revokers = new WeakMap<AdapterContext<GithubSettings>, Map<string, GithubCredentialRevoker>>();
  // verify and describe read the same GET /user: one request per credential object (one response
  // step), so revoking waits for one round trip to GitHub, not two.
  // Only answers that the token is live are kept: a failure is asked again.
  const inspected = new WeakMap<Credential, Outcome<LiveToken>>();
  const inspectOnce = async (credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<Outcome<LiveToken>> => {
    const known = inspected.get(credential);
    if (known !== undefined) return known;
    const facts = await inspectToken(credential, ctx, kind);
    if (facts.status === 'done') inspected.set(credential, facts);
    return facts;
  };
  const revokerFor = (ctx: AdapterContext<GithubSettings>, host: GithubHost): GithubCredentialRevoker => {
    let byHost = revokers.get(ctx);
    if (!byHost) revokers.set(ctx, (byHost = new Map()));
    let revoker = byHost.get(host.apiUrl);
    if (!revoker) byHost.set(host.apiUrl, (revoker = new GithubCredentialRevoker(ctx, { ...options.revoker, host })));
    return revoker;
  };
  /**
   * Where to revoke: the one host when only one is asked (as before: no extra request); else the
   * host that says the token is live now. The revoke step may run in another job or process than
   * verify, so it asks again (one GET per host at most) rather than trust a host nobody recorded.
   */
  const liveHost = async (credential: Credential, ctx: AdapterContext<GithubSettings>, kind: TokenKind): Promise<GithubHost | Outcome<never>> => {
    if (!asksSeveralHosts(ctx.settings)) return ctx.settings.hosts[0]!;
    const facts = await inspectOnce(credential, ctx, kind);
    return facts.status === 'done' ? facts.data.host : facts;
  };

  return {
    provider: 'github',
    manualRevokeUrl: `${options.webUrl ?? GITHUB_COM_WEB}${MANUAL_PATHS.classic}`,

    async verify(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      if (kind === 'refresh') return unsupported('a refresh token cannot call the API; only its app can use it', manualUrl('refresh', ctx.settings.hosts[0]));
      const facts = await inspectOnce(credential, ctx, kind);
      return facts.status === 'done' ? { ...facts, data: facts.data.identity } : facts;
    },

    async describe(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      if (kind === 'refresh') return unsupported('a refresh token cannot call the API; only its app can use it', manualUrl('refresh', ctx.settings.hosts[0]));
      const facts = await inspectOnce(credential, ctx, kind);
      return facts.status === 'done' ? { ...facts, data: facts.data.access } : facts;
    },

    async revoke(credential, ctx) {
      const kind = tokenKind(credential.secret);
      if (!kind) return unknownKind();
      if (kind === 'refresh') return unsupported("a refresh token is revoked with its app's authorization: revoke it by hand", manualUrl('refresh', ctx.settings.hosts[0]));
      const host = await liveHost(credential, ctx, kind);
      if ('status' in host) return host;
      // "Live" no longer holds once a revocation was sent: a check after a lost answer must ask GitHub.
      inspected.delete(credential);
      if (kind === 'installation') return revokeInstallationToken(credential, ctx, host);
      if (kind === 'classic' || kind === 'fine-grained') return revokerFor(ctx, host).revoke(credential.secret);
      // OAuth and App user tokens are revoked with the app's client secret, which leakstop does not hold.
      return { ...unsupported(`GitHub's revocation API does not take ${KIND_NAMES[kind]}s; revoke the authorization by hand`, manualUrl(kind, host)), ...answeredBy(ctx.settings, host) };
    },

    activity: auditLogActivity,
  };
}

export const githubAdapter = createGithubAdapter();
