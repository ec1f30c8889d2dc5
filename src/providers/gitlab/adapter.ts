// What leakstop can do about a leaked GitLab token, against GitLab.com or the operator's instance
// (LEAKSTOP_GITLAB_URL). GitLab.com allows 2,000 authenticated API requests a minute per user and
// answers 429 with Retry-After beyond that (https://docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom).
// Personal access tokens (https://docs.gitlab.com/api/personal_access_tokens/):
// - GET /api/v4/personal_access_tokens/self: the token's id, name, scopes, owner, expiry and
//   last_used_at (GitLab updates that at most every 10 minutes).
// - DELETE /api/v4/personal_access_tokens/self: the token revokes itself (204).
// - POST /api/v4/personal_access_tokens/self/rotate: a new token with the same scopes; the old one is
//   revoked in the same step. Needs the api or self_rotate scope; the new token expires in a week
//   unless expires_at is given.
// Runner authentication tokens (https://docs.gitlab.com/api/runners/): POST /api/v4/runners/verify
// checks one, DELETE /api/v4/runners deletes the runner it authenticates (both take the token itself).
import { z } from 'zod';
import type { Access, ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation, Rotation } from '../contract.js';
import type { GitlabSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';
import { Secret } from '../../detect/secret.js';

const PAT_RULES = new Set(['gitlab-pat', 'gitlab-pat-routable']);
const RUNNER_RULES = new Set(['gitlab-runner-token', 'gitlab-runner-token-routable']);

const MANUAL_URLS: Record<string, string> = {
  'gitlab-deploy-token': 'https://docs.gitlab.com/user/project/deploy_tokens/#revoke-a-deploy-token',
  'gitlab-pipeline-trigger-token': 'https://docs.gitlab.com/ci/triggers/#revoke-a-pipeline-trigger-token',
  'gitlab-oauth-app-secret': 'https://docs.gitlab.com/integration/oauth_provider/',
};
const PAT_PAGE = 'https://gitlab.com/-/user_settings/personal_access_tokens';
const RUNNER_PAGE = 'https://docs.gitlab.com/ci/runners/runners_scope/';

const patSchema = z.object({
  id: z.number(),
  name: z.string(),
  revoked: z.boolean(),
  active: z.boolean(),
  scopes: z.array(z.string()),
  user_id: z.number(),
  last_used_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
});
type PersonalAccessToken = z.infer<typeof patSchema>;

const rotatedSchema = patSchema.extend({ token: z.string().min(1) });

function api(ctx: AdapterContext<GitlabSettings>, path: string): string {
  return `${ctx.settings.url}/api/v4${path}`;
}

function tokenHeader(credential: Credential): Record<string, string> {
  return { 'private-token': credential.secret.reveal() };
}

/** The manual page for this GitLab credential; the operator's instance for its own token settings. */
function manualUrl(credential: Credential, ctx: AdapterContext<GitlabSettings>): string {
  if (PAT_RULES.has(credential.ruleId)) return `${ctx.settings.url}/-/user_settings/personal_access_tokens`;
  if (RUNNER_RULES.has(credential.ruleId)) return RUNNER_PAGE;
  return MANUAL_URLS[credential.ruleId] ?? PAT_PAGE;
}

function noApi(credential: Credential, ctx: AdapterContext<GitlabSettings>, what: string): Outcome<never> {
  return unsupported(`GitLab offers no API to ${what} this kind of token with the token alone`, manualUrl(credential, ctx));
}

async function lookupSelf(credential: Credential, ctx: AdapterContext<GitlabSettings>): Promise<Outcome<PersonalAccessToken>> {
  const response = await callProvider(ctx, {
    what: 'GitLab GET /personal_access_tokens/self',
    url: api(ctx, '/personal_access_tokens/self'),
    headers: tokenHeader(credential),
    schema: patSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const token = response.data;
  if (token.revoked || !token.active) return { status: 'not-live', summary: `GitLab token "${token.name}" is ${token.revoked ? 'revoked' : 'expired'}` };
  return { status: 'done', data: token, summary: `live GitLab personal access token "${token.name}" of user #${token.user_id}` };
}

/** GitLab gives expiry as a date ('2026-12-01'); an ISO timestamp keeps Identity uniform. */
function isoDate(date: string | null | undefined): string | undefined {
  if (!date) return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function identityOf(token: PersonalAccessToken): Identity {
  const expiresAt = isoDate(token.expires_at);
  return { account: `GitLab user #${token.user_id}`, type: `personal access token "${token.name}"`, ...(expiresAt ? { expiresAt } : {}) };
}

function accessOf(token: PersonalAccessToken): Access {
  const canRotate = token.scopes.includes('api') || token.scopes.includes('self_rotate');
  return { scopes: token.scopes, notes: [canRotate ? 'the token can rotate itself' : 'the token cannot rotate itself (needs api or self_rotate)'] };
}

function activityOf(token: PersonalAccessToken): ActivitySummary {
  const lastUsedAt = isoDate(token.last_used_at);
  return {
    ...(lastUsedAt ? { lastUsedAt } : {}),
    events: [],
    notes: [lastUsedAt ? 'GitLab records only when the token was last used (to within 10 minutes), not what it did' : 'GitLab has no record of this token being used'],
  };
}

async function mapSelf<T>(credential: Credential, ctx: AdapterContext<GitlabSettings>, map: (token: PersonalAccessToken) => T): Promise<Outcome<T>> {
  const outcome = await lookupSelf(credential, ctx);
  return outcome.status === 'done' ? { ...outcome, data: map(outcome.data) } : outcome;
}

async function revokePat(credential: Credential, ctx: AdapterContext<GitlabSettings>): Promise<Outcome<Revocation>> {
  const response = await callProvider(ctx, {
    what: 'GitLab DELETE /personal_access_tokens/self',
    method: 'DELETE',
    url: api(ctx, '/personal_access_tokens/self'),
    headers: tokenHeader(credential),
    deadStatuses: [401],
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: { reversible: false }, summary: 'GitLab revoked the personal access token' };
}

async function rotatePat(credential: Credential, ctx: AdapterContext<GitlabSettings>): Promise<Outcome<Rotation>> {
  const response = await callProvider(ctx, {
    what: 'GitLab POST /personal_access_tokens/self/rotate',
    method: 'POST',
    url: api(ctx, '/personal_access_tokens/self/rotate'),
    headers: tokenHeader(credential),
    deadStatuses: [401],
    schema: rotatedSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) {
    if (response.setback.status === 'failed' && !response.setback.retryable) {
      return { ...response.setback, summary: `${response.setback.summary} (self-rotation needs the api or self_rotate scope)` };
    }
    return response.setback;
  }
  const replacement = new Secret(response.data.token);
  const expiry = response.data.expires_at ? `; the new token expires on ${response.data.expires_at}` : '';
  return {
    status: 'done',
    data: { replacement, consumerHint: `same name and scopes as before${expiry}`, revokedOriginal: true },
    summary: `GitLab rotated token "${response.data.name}": the leaked token is revoked`,
  };
}

async function verifyRunner(credential: Credential, ctx: AdapterContext<GitlabSettings>): Promise<Outcome<Identity>> {
  const response = await callProvider(ctx, {
    what: 'GitLab POST /runners/verify',
    method: 'POST',
    url: api(ctx, '/runners/verify'),
    body: new URLSearchParams({ token: credential.secret.reveal() }),
    schema: z.object({ id: z.number(), token_expires_at: z.string().nullable().optional() }),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const expiresAt = isoDate(response.data.token_expires_at);
  return {
    status: 'done',
    data: { account: `GitLab runner #${response.data.id}`, type: 'runner authentication token', ...(expiresAt ? { expiresAt } : {}) },
    summary: `live authentication token of GitLab runner #${response.data.id}`,
  };
}

async function deleteRunner(credential: Credential, ctx: AdapterContext<GitlabSettings>): Promise<Outcome<Revocation>> {
  const response = await callProvider(ctx, {
    what: 'GitLab DELETE /runners',
    method: 'DELETE',
    url: api(ctx, '/runners'),
    body: new URLSearchParams({ token: credential.secret.reveal() }),
    schema: z.unknown(),
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  return { status: 'done', data: { reversible: false }, summary: 'GitLab deleted the runner the token authenticates; register a new runner to replace it' };
}

export const gitlabAdapter: ProviderAdapter<GitlabSettings> = {
  // GET self answers describe and activity, and stops answering once the token is revoked or rotated.
  order: { assessWhileLive: true, rotationRevokes: true },
  provider: 'gitlab',
  manualRevokeUrl: PAT_PAGE,

  verify(credential, ctx) {
    if (PAT_RULES.has(credential.ruleId)) return mapSelf(credential, ctx, identityOf);
    if (RUNNER_RULES.has(credential.ruleId)) return verifyRunner(credential, ctx);
    return Promise.resolve(noApi(credential, ctx, 'check'));
  },

  revoke(credential, ctx) {
    if (PAT_RULES.has(credential.ruleId)) return revokePat(credential, ctx);
    if (RUNNER_RULES.has(credential.ruleId)) return deleteRunner(credential, ctx);
    return Promise.resolve(noApi(credential, ctx, 'revoke'));
  },

  rotate(credential, ctx) {
    if (PAT_RULES.has(credential.ruleId)) return rotatePat(credential, ctx);
    return Promise.resolve(noApi(credential, ctx, 'rotate'));
  },

  describe(credential, ctx) {
    if (PAT_RULES.has(credential.ruleId)) return mapSelf(credential, ctx, accessOf);
    return Promise.resolve(noApi(credential, ctx, 'describe'));
  },

  activity(credential, ctx) {
    if (PAT_RULES.has(credential.ruleId)) return mapSelf(credential, ctx, activityOf);
    return Promise.resolve(noApi(credential, ctx, 'report the activity of'));
  },
};
