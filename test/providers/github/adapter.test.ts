import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../../src/detect/checksum.js';
import { Secret } from '../../../src/detect/secret.js';
import { createGithubAdapter, hashedToken, parseGithubExpiry } from '../../../src/providers/github/adapter.js';
import { GithubCredentialRevoker } from '../../../src/providers/github/revoker.js';
import type { Outcome, Revocation } from '../../../src/providers/contract.js';
import { credential, expectContained, expectDone, NOW, RETRYABLE_RATE_LIMIT, RETRYABLE_SERVER_ERROR, useAdapterHarness } from '../adapter-kit.js';

const API = 'https://api.github.com';
const AUDIT_TOKEN = generateGithubStyleToken('ghp_');
const harness = useAdapterHarness('github', { LEAKSTOP_GITHUB_AUDIT_ORG: 'acme', LEAKSTOP_GITHUB_AUDIT_TOKEN_FILE: '/run/secrets/audit' }, { '/run/secrets/audit': `${AUDIT_TOKEN}\n` });

function pat(): { raw: string; cred: ReturnType<typeof credential> } {
  const raw = generateGithubStyleToken('ghp_');
  return { raw, cred: credential('github-pat-classic', raw) };
}

describe('github adapter: verify and describe', () => {
  const adapter = createGithubAdapter();

  it('reads the login, scopes and expiry of a live classic token from GET /user', async () => {
    const { raw, cred } = pat();
    nock(API)
      .get('/user')
      .matchHeader('authorization', `Bearer ${raw}`)
      // verify and describe of one credential share one request.
      .reply(200, { login: 'octocat', id: 1, type: 'User' }, { 'x-oauth-scopes': 'repo, workflow, read:org', 'github-authentication-token-expiration': '2026-12-01 10:00:00 UTC' });

    const verified = await adapter.verify!(cred, harness.ctx);
    const described = await adapter.describe!(cred, harness.ctx);

    expect(expectDone(verified)).toEqual({ account: 'octocat', type: 'personal access token (classic)', expiresAt: '2026-12-01T10:00:00.000Z' });
    expect(expectDone(described)).toEqual({ scopes: ['repo', 'workflow', 'read:org'], notes: ['personal access token (classic) of octocat (User account)'] });
    expectContained(harness, raw, API, [verified, described]);
  });

  it('says when a fine-grained token has no OAuth scopes to report', async () => {
    const raw = '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';
    nock(API).get('/user').reply(200, { login: 'octocat', type: 'User' });
    const described = expectDone(await adapter.describe!(credential('github-pat-fine-grained', raw), harness.ctx));
    expect(described.scopes).toEqual([]);
    expect(described.notes?.join(' ')).toContain('per repository');
  });

  it('reports a revoked token (401) as not live', async () => {
    const { raw, cred } = pat();
    nock(API).get('/user').reply(401, { message: 'Bad credentials' });
    const outcome = await adapter.verify!(cred, harness.ctx);
    expect(outcome.status).toBe('not-live');
    expectContained(harness, raw, API, [outcome]);
  });

  it('passes on the retry time of a rate limit (429 Retry-After, or 403 with x-ratelimit-reset)', async () => {
    const { raw, cred } = pat();
    nock(API).get('/user').reply(429, { message: 'secondary rate limit' }, { 'retry-after': '30' });
    nock(API)
      .get('/user')
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW.getTime() / 1000 + 30) });
    const first = await adapter.verify!(cred, harness.ctx);
    const second = await adapter.verify!(cred, harness.ctx);
    expect(first).toMatchObject(RETRYABLE_RATE_LIMIT);
    expect(second).toMatchObject(RETRYABLE_RATE_LIMIT);
    expectContained(harness, raw, API, [first, second]);
  });

  it('treats a 5xx as retryable', async () => {
    const { cred } = pat();
    nock(API).get('/user').reply(502, 'Bad gateway');
    expect(await adapter.verify!(cred, harness.ctx)).toMatchObject(RETRYABLE_SERVER_ERROR);
  });

  it('verifies an installation token through GET /installation/repositories and lists what it reaches', async () => {
    const raw = generateGithubStyleToken('ghs_');
    nock(API)
      .get('/installation/repositories')
      .query({ per_page: '100' })
      .matchHeader('authorization', `Bearer ${raw}`)
      .reply(200, { total_count: 2, repositories: [{ full_name: 'acme/api', owner: { login: 'acme' } }, { full_name: 'acme/web', owner: { login: 'acme' } }] });
    const cred = credential('github-installation-token', raw);
    const identity = expectDone(await adapter.verify!(cred, harness.ctx));
    const access = expectDone(await adapter.describe!(cred, harness.ctx));
    expect(identity).toMatchObject({ account: 'installation on acme', owner: 'acme', type: 'GitHub App installation token' });
    expect(access.notes).toEqual(['can access 2 repositories: acme/api, acme/web']);
  });

  it('does not try to verify a refresh token, which cannot call the API', async () => {
    const outcome = await adapter.verify!(credential('github-refresh-token', generateGithubStyleToken('ghr_')), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://github.com/settings/apps/authorizations' });
    expect(harness.sent).toEqual([]);
  });

  it('parses only GitHub’s expiry header format', () => {
    expect(parseGithubExpiry('2026-12-01 10:00:00 UTC')).toBe('2026-12-01T10:00:00.000Z');
    expect(parseGithubExpiry('2026-12-01 10:00:00 -0700')).toBe('2026-12-01T17:00:00.000Z');
    expect(parseGithubExpiry('tomorrow')).toBeUndefined();
    expect(parseGithubExpiry(null)).toBeUndefined();
  });
});

describe('github adapter: revoke', () => {
  it('sends personal access tokens together, unauthenticated, in one POST /credentials/revoke', async () => {
    const adapter = createGithubAdapter({ revoker: { maxWaitMs: 20 } });
    const tokens = [pat(), pat(), pat()];
    let body: unknown;
    nock(API, { badheaders: ['authorization'] })
      .post('/credentials/revoke', (b: unknown) => ((body = b), true))
      .reply(202, {});
    const outcomes = await Promise.all(tokens.map((t) => adapter.revoke!(t.cred, harness.ctx)));
    expect(body).toEqual({ credentials: tokens.map((t) => t.raw) });
    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
    for (const t of tokens) expectContained(harness, t.raw, API, outcomes);
  });

  it('revokes an installation token with DELETE /installation/token', async () => {
    const raw = generateGithubStyleToken('ghs_');
    nock(API).delete('/installation/token').matchHeader('authorization', `Bearer ${raw}`).reply(204);
    const outcome = await createGithubAdapter().revoke!(credential('github-installation-token', raw), harness.ctx);
    expect(outcome).toMatchObject({ status: 'done', data: { reversible: false } });
  });

  it('reports an installation token already gone (401) as not live', async () => {
    nock(API).delete('/installation/token').reply(401, { message: 'Bad credentials' });
    const outcome = await createGithubAdapter().revoke!(credential('github-installation-token', generateGithubStyleToken('ghs_')), harness.ctx);
    expect(outcome.status).toBe('not-live');
  });

  it('sends OAuth tokens to a human, since only their app can revoke them', async () => {
    const outcome = await createGithubAdapter().revoke!(credential('github-oauth-token', generateGithubStyleToken('gho_')), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://github.com/settings/applications' });
  });
});

describe('GithubCredentialRevoker', () => {
  const secrets = (n: number): Secret[] => Array.from({ length: n }, () => new Secret(generateGithubStyleToken('ghp_')));

  it('sends a full batch of 1,000 at once and the rest in a second request', async () => {
    const sizes: number[] = [];
    nock(API)
      .post('/credentials/revoke', (b: { credentials: string[] }) => (sizes.push(b.credentials.length), true))
      .times(2)
      .reply(202, {});
    const revoker = new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 10 });
    const outcomes = await Promise.all(secrets(1001).map((s) => revoker.revoke(s)));
    expect(sizes).toEqual([1000, 1]);
    expect(outcomes.every((o) => o.status === 'done')).toBe(true);
  });

  it('refuses to spend more than the hourly budget and says when to retry', async () => {
    nock(API).post('/credentials/revoke').times(2).reply(202, {});
    const revoker = new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1, hourlyBudget: 2 });
    const [a, b, c] = secrets(3);
    expect((await revoker.revoke(a!)).status).toBe('done');
    expect((await revoker.revoke(b!)).status).toBe('done');
    const refused: Outcome<Revocation> = await revoker.revoke(c!);
    expect(refused).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 3600 });
  });

  it('passes a 422 (validation failed or spammed) on as a failure a human must read', async () => {
    nock(API).post('/credentials/revoke').reply(422, { message: 'Validation Failed' });
    const [token] = secrets(1);
    const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1 }).revoke(token!);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expectContained(harness, token!.reveal(), API, [outcome]);
  });

  it('retries after a 5xx', async () => {
    nock(API).post('/credentials/revoke').reply(500, {});
    const outcome = await new GithubCredentialRevoker(harness.ctx, { maxWaitMs: 1 }).revoke(secrets(1)[0]!);
    expect(outcome).toMatchObject(RETRYABLE_SERVER_ERROR);
  });
});

describe('github adapter: activity from the organization audit log', () => {
  it('searches by the hashed token with the operator’s audit token, never the leaked one', async () => {
    const { raw, cred } = pat();
    const hash = hashedToken(new Secret(raw));
    nock(API)
      .get('/orgs/acme/audit-log')
      .query({ phrase: `hashed_token:"${hash}"`, include: 'all', per_page: '100' })
      .matchHeader('authorization', `Bearer ${AUDIT_TOKEN}`)
      .reply(200, [
        { '@timestamp': Date.parse('2026-11-23T11:58:00Z'), action: 'git.clone', actor: 'octocat', repo: 'acme/api' },
        { '@timestamp': Date.parse('2026-11-23T11:57:00Z'), action: 'repo.download_zip', actor: 'octocat' },
      ]);
    const outcome = await createGithubAdapter().activity!(cred, harness.ctx);
    expect(expectDone(outcome)).toEqual({
      lastUsedAt: '2026-11-23T11:58:00.000Z',
      events: [
        { time: '2026-11-23T11:58:00.000Z', action: 'git.clone', source: 'acme/api' },
        { time: '2026-11-23T11:57:00.000Z', action: 'repo.download_zip', source: 'octocat' },
      ],
      notes: [],
    });
    // The leaked token itself is never sent for an audit search: only its hash.
    expect(JSON.stringify(harness.sent)).not.toContain(raw);
    expectContained(harness, AUDIT_TOKEN, API, [outcome]);
  });

  it('computes hashed_token as GitHub documents it (sha256, base64)', () => {
    // echo -n 'ghp_test' | openssl dgst -sha256 -binary | base64
    expect(hashedToken(new Secret('ghp_test'))).toBe('jyP0I6iV5omCwAh4qVQsEBsWtkC5bIKMcczFc20Gdco=');
  });
});
