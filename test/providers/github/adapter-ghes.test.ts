// A GitHub token leaked on GitHub Enterprise Server (GHE_HOST set, LEAKSTOP_GITHUB_API_URL unset):
// asked on GHES first, then github.com; revoked where it is live, through that host's revocation
// (GHES 3.19: authenticated POST /credentials/revoke; github.com: unauthenticated), and every record,
// timeline entry and check-run cell says which host answered. Runs the real verify and revoke steps
// with the real adapter behind nock (no unmatched request, no unused mock).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../../src/detect/checksum.js';
import type { AdapterContext, Credential, ProviderAdapter, ProviderContext } from '../../../src/providers/contract.js';
import { createGithubAdapter } from '../../../src/providers/github/adapter.js';
import { MemoryRevokeBudget } from '../../../src/providers/github/revoker.js';
import type { GithubSettings } from '../../../src/providers/github/settings.js';
import { loadAdapters, parseOperatorSettings } from '../../../src/providers/index.js';
import { responseSection, timelineEntries } from '../../../src/report/response-report.js';
import { runRevokeStep, runVerifyStep, type StepDeps, type StepInput } from '../../../src/respond/respond-steps.js';
import type { ResponseRecords } from '../../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../../src/respond/response-store.js';
import { sealKeyFromBytes, sealSecret, unsealSecret } from '../../../src/respond/seal.js';
import { requestBodyProblems } from '../../openapi.js';
import { credential, NOW, useAdapterHarness } from '../adapter-kit.js';

const GHES_HOST = 'github.acme.test';
const GHES = `https://${GHES_HOST}`;
const GHES_API = '/api/v3';
const DOTCOM = 'https://api.github.com';
const REVOKE_TOKEN = generateGithubStyleToken('ghp_');
const harness = useAdapterHarness('github', { GHE_HOST: GHES_HOST, LEAKSTOP_GITHUB_REVOKE_TOKEN_FILE: '/run/secrets/ghes-revoke' }, { '/run/secrets/ghes-revoke': `${REVOKE_TOKEN}\n` });
const SEAL_KEY = sealKeyFromBytes(Buffer.from('0123456789abcdef0123456789abcdef', 'utf8'));
const USER = { login: 'mona', type: 'User' };
const BAD_CREDENTIALS = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' };

interface OpenApiPaths {
  paths: Record<string, Record<string, unknown>>;
}

/** The operations @octokit/openapi's GHES 3.19 description lists, by path. */
function ghes319Paths(): OpenApiPaths['paths'] {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/ghes-3.19.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as OpenApiPaths).paths;
}

/** One credential's verify and revoke steps, each as its own job would run them (a fresh Credential each). */
async function verifyThenRevoke(raw: string, ctx: ProviderContext = harness.response, adapter: ProviderAdapter | undefined = createGithubAdapter({ revoker: { maxWaitMs: 1 } })): Promise<ResponseRecords> {
  const store = new MemoryResponseStore(() => NOW.getTime());
  const deps: StepDeps = {
    adapter,
    provider: ctx,
    store,
    sink: undefined,
    seal: (secret, context) => sealSecret(SEAL_KEY, secret, context),
    unseal: (sealed, context) => unsealSecret(SEAL_KEY, sealed, context),
  };
  const input = (cred: Credential): StepInput => ({
    credential: cred,
    providerName: 'GitHub',
    policy: { revoke: 'auto', rotate: 'off', dryRun: false, revokeSetting: 'response.revoke', rotateSetting: 'response.rotate' },
    source: 'acme/api',
    rotationName: 'leakstop/acme/api/github-pat-classic',
    approvalData: '{}',
    lastAttempt: true,
  });
  await runVerifyStep(deps, input(credential('github-pat-classic', raw)));
  const records = await runRevokeStep(deps, input(credential('github-pat-classic', raw)));
  for (const record of Object.values(records)) expect(JSON.stringify(record)).not.toContain(raw);
  return records;
}

/** Captures the JSON body of a mocked request and lets it match. */
function capture(into: unknown[]): (body: unknown) => boolean {
  return (body) => (into.push(body), true);
}

describe('GitHub tokens with GHE_HOST set', () => {
  it('reads the GHES API from GHE_HOST and asks it before github.com; the revoke token stays with GHES', () => {
    const settings = harness.ctx.settings as GithubSettings;
    expect(settings.hosts.map((h) => [h.name, h.apiUrl, h.revoke.auth])).toEqual([
      [GHES_HOST, `${GHES}${GHES_API}`, 'token'],
      ['github.com', DOTCOM, 'none'],
    ]);
    // The requests these tests mock are GHES 3.19 operations (its description has no /credentials/revoke:
    // GitHub documents it for 3.19 on docs.github.com only, so its body is checked against github.com's schema).
    const paths = ghes319Paths();
    expect(paths['/user']?.get).toBeDefined();
    expect(paths['/installation/token']?.delete).toBeDefined();
    expect(paths['/credentials/revoke']).toBeUndefined();
  });

  it('verifies a token live on GHES there and revokes it through GHES’s authenticated POST /credentials/revoke', async () => {
    const raw = generateGithubStyleToken('ghp_');
    const bodies: unknown[] = [];
    // verify, and the revoke job's own check of where the token is live: GHES answers both, github.com is never asked.
    nock(GHES).get(`${GHES_API}/user`).matchHeader('authorization', `Bearer ${raw}`).times(2).reply(200, USER, { 'x-oauth-scopes': 'repo' });
    nock(GHES).post(`${GHES_API}/credentials/revoke`, capture(bodies)).matchHeader('authorization', `Bearer ${REVOKE_TOKEN}`).reply(202, {});

    const records = await verifyThenRevoke(raw);

    expect(records.verify).toMatchObject({ status: 'done', host: GHES_HOST, summary: `live personal access token (classic) of mona on ${GHES_HOST}` });
    expect(records.revoke).toMatchObject({ status: 'done', host: GHES_HOST, summary: expect.stringContaining(`${GHES_HOST} accepted the token for revocation (one authenticated request`) });
    expect(bodies).toEqual([{ credentials: [raw] }]);
    expect(requestBodyProblems('POST', '/credentials/revoke', bodies[0])).toEqual([]);
    // The leaked token and the operator's revoke token went to GHES only.
    for (const sent of harness.sent) expect(new URL(sent.url).origin).toBe(GHES);
    // People see which host answered: on the incident timeline and in the check run's response table.
    const timeline = timelineEntries(records).map((e) => `${e.title}: ${e.detail}`);
    expect(timeline).toContain(`Verified live: live personal access token (classic) of mona on ${GHES_HOST} [answered by ${GHES_HOST}]`);
    expect(timeline.find((line) => line.startsWith('Revoked:'))).toContain(`[answered by ${GHES_HOST}]`);
    expect(responseSection([{ fingerprint: 'f'.repeat(32), title: 'GitHub personal access token (classic)', redacted: 'ghp_…', records }])).toContain(`| done (${GHES_HOST}) | done (${GHES_HOST}) |`);
  });

  it('falls back to github.com for a token dead on GHES, and revokes it there unauthenticated', async () => {
    const raw = generateGithubStyleToken('ghp_');
    const bodies: unknown[] = [];
    nock(GHES).get(`${GHES_API}/user`).times(2).reply(401, BAD_CREDENTIALS);
    nock(DOTCOM).get('/user').matchHeader('authorization', `Bearer ${raw}`).times(2).reply(200, USER);
    nock(DOTCOM, { badheaders: ['authorization'] }).post('/credentials/revoke', capture(bodies)).reply(202, {});

    const records = await verifyThenRevoke(raw);

    expect(records.verify).toMatchObject({ status: 'done', host: 'github.com', summary: 'live personal access token (classic) of mona on github.com' });
    expect(records.revoke).toMatchObject({ status: 'done', host: 'github.com', summary: expect.stringContaining('github.com accepted the token for revocation (one request') });
    expect(bodies).toEqual([{ credentials: [raw] }]);
    expect(requestBodyProblems('POST', '/credentials/revoke', bodies[0])).toEqual([]);
    // The operator's GHES revoke token never goes to github.com.
    for (const sent of harness.sent.filter((s) => new URL(s.url).origin === DOTCOM)) expect(JSON.stringify(sent)).not.toContain(REVOKE_TOKEN);
  });

  it('revokes nothing when the token is dead on both, and says both were asked', async () => {
    const raw = generateGithubStyleToken('ghp_');
    nock(GHES).get(`${GHES_API}/user`).reply(401, BAD_CREDENTIALS);
    nock(DOTCOM).get('/user').reply(401, BAD_CREDENTIALS);

    const records = await verifyThenRevoke(raw);

    expect(records.verify).toMatchObject({ status: 'not-live', host: `${GHES_HOST}, github.com` });
    expect(records.verify?.summary).toMatch(new RegExp(`^not live on any GitHub leakstop asked: ${GHES_HOST}: GitHub GET /user answered 401.*; github.com: GitHub GET /user answered 401`));
    expect(records.revoke).toMatchObject({ status: 'skipped' });
    expect(harness.sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('records "revoke by hand" with the GHES page when GHES has no revocation API (404, before 3.19)', async () => {
    const raw = generateGithubStyleToken('ghp_');
    nock(GHES).get(`${GHES_API}/user`).times(2).reply(200, USER);
    nock(GHES).post(`${GHES_API}/credentials/revoke`).matchHeader('authorization', `Bearer ${REVOKE_TOKEN}`).reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/enterprise-server@3.18/rest' });

    const records = await verifyThenRevoke(raw);

    expect(records.revoke).toMatchObject({
      status: 'unsupported',
      host: GHES_HOST,
      manualUrl: `${GHES}/settings/tokens`,
      summary: expect.stringContaining(`${GHES_HOST} has no credential revocation API (POST /credentials/revoke answered 404`),
    });
    const revoked = timelineEntries(records).find((e) => e.title.startsWith('Revocation'));
    expect(revoked).toMatchObject({ title: 'Revocation: by hand', detail: expect.stringContaining(`(${GHES}/settings/tokens) [answered by ${GHES_HOST}]`) });
  });

  it('says to revoke by hand, naming the setting, when no GHES revoke token is configured', async () => {
    const raw = generateGithubStyleToken('ghp_');
    nock(GHES).get(`${GHES_API}/user`).times(2).reply(200, USER);
    const withoutToken: ProviderContext = { ...harness.response, settings: parseOperatorSettings({ GHE_HOST: GHES_HOST }) };

    const records = await verifyThenRevoke(raw, withoutToken);

    expect(records.revoke).toMatchObject({ status: 'unsupported', host: GHES_HOST, manualUrl: `${GHES}/settings/tokens`, summary: expect.stringContaining('no LEAKSTOP_GITHUB_REVOKE_TOKEN is set') });
  });

  it('points a revocation GHES refused (403) to GHES’s token page, with the adapter the worker loads', async () => {
    const raw = generateGithubStyleToken('ghp_');
    nock(GHES).get(`${GHES_API}/user`).times(2).reply(200, USER);
    nock(GHES).post(`${GHES_API}/credentials/revoke`).reply(403, { message: 'Resource not accessible', documentation_url: 'https://docs.github.com/enterprise-server@3.19/rest' });
    const adapter = (await loadAdapters({ env: { GHE_HOST: GHES_HOST } })).get('github');
    expect(adapter?.manualRevokeUrl).toBe(`${GHES}/settings/tokens`);

    const records = await verifyThenRevoke(raw, harness.response, adapter);

    expect(records.revoke).toMatchObject({ status: 'failed', host: GHES_HOST, manualUrl: `${GHES}/settings/tokens`, summary: expect.stringContaining(`on ${GHES_HOST} answered 403`) });
  });

  it('verifies and revokes an installation token on the host where it is live', async () => {
    const raw = generateGithubStyleToken('ghs_');
    nock(GHES).get(`${GHES_API}/installation/repositories`).query({ per_page: '100' }).reply(401, BAD_CREDENTIALS);
    nock(DOTCOM).get('/installation/repositories').query({ per_page: '100' }).reply(200, { total_count: 1, repositories: [{ full_name: 'acme/api', owner: { login: 'acme' } }] });
    nock(DOTCOM).delete('/installation/token').matchHeader('authorization', `Bearer ${raw}`).reply(204);
    const adapter = createGithubAdapter();
    const cred = credential('github-installation-token', raw);
    const ctx = harness.ctx as AdapterContext<GithubSettings>;

    expect(await adapter.verify!(cred, ctx)).toMatchObject({ status: 'done', host: 'github.com' });
    expect(await adapter.revoke!(cred, ctx)).toMatchObject({ status: 'done', host: 'github.com', summary: 'github.com revoked the installation token' });
  });

  it('counts GHES revocations in their own budget, apart from github.com’s', async () => {
    const onGhes = generateGithubStyleToken('ghp_');
    const onDotcom = generateGithubStyleToken('ghp_');
    nock(GHES).get(`${GHES_API}/user`).matchHeader('authorization', `Bearer ${onGhes}`).reply(200, USER);
    nock(GHES).get(`${GHES_API}/user`).matchHeader('authorization', `Bearer ${onDotcom}`).reply(401, BAD_CREDENTIALS);
    nock(DOTCOM).get('/user').matchHeader('authorization', `Bearer ${onDotcom}`).reply(200, USER);
    nock(GHES).post(`${GHES_API}/credentials/revoke`).reply(202, {});
    nock(DOTCOM).post('/credentials/revoke').reply(202, {});
    // One request an hour: shared, the second host's revocation would be refused.
    const adapter = createGithubAdapter({ revoker: { maxWaitMs: 1, budget: new MemoryRevokeBudget(1) } });
    const ctx = harness.ctx as AdapterContext<GithubSettings>;

    const outcomes = await Promise.all([adapter.revoke!(credential('github-pat-classic', onGhes), ctx), adapter.revoke!(credential('github-pat-classic', onDotcom), ctx)]);

    expect(outcomes).toMatchObject([
      { status: 'done', host: GHES_HOST },
      { status: 'done', host: 'github.com' },
    ]);
  });
});
