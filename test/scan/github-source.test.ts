import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { allProviders } from '../../src/providers/index.js';
import { readGitRange } from '../../src/scan/git.js';
import {
  API_COMMITS_LIMIT,
  GitHubUnavailableError,
  readGitHubCommits,
  resolvePullRequestCommits,
  resolvePushCommits,
  type CommitSelectionJob,
  type GitHubRepoTarget,
} from '../../src/scan/github-source.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';
import { collect, isolateGit, makeTempDir, markerEngine, TestRepo } from './helpers.js';
import { API, blobResponse, commitListResponse, commitResponse, compareResponse, fakeShas, linkHeader, OWNER, REPO, type FileEntry } from './github-responses.js';

const NULL_SHA = '0'.repeat(40);
const OPTIONS = { maxFileBytes: 1024 * 1024, ignorePath: () => false };
const REPO_PATH = `/repos/${OWNER}/${REPO}`;

// ---------------------------------------------------------------------------------------------
// Every test: no real network, no request without a mock, no mock without its request.

const unmatched: string[] = [];
function recordUnmatched(request: { method?: string; path?: string; host?: string }): void {
  unmatched.push(`${request.method ?? '?'} ${request.host ?? ''}${request.path ?? ''}`);
}

beforeAll(() => {
  isolateGit();
  nock.disableNetConnect();
  nock.emitter.on('no match', recordUnmatched);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'mocked requests that were never made').toEqual([]);
  expect(unmatched.splice(0), 'requests without a mock').toEqual([]);
});

afterAll(() => {
  nock.emitter.off('no match', recordUnmatched);
  nock.enableNetConnect();
});

/** Probot's installation octokit, its retries and throttling off unless a test is about them. */
function octokit(options: ConstructorParameters<typeof ProbotOctokit>[0] = {}): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false }, ...options });
}

function github(): nock.Scope {
  return nock(API);
}

function pushJob(overrides: Partial<CommitSelectionJob>): CommitSelectionJob {
  return {
    repository: { owner: OWNER, name: REPO, defaultBranch: 'main' },
    headSha: 'f'.repeat(40),
    ref: 'refs/heads/feature',
    before: 'e'.repeat(40),
    forced: false,
    createdBranch: false,
    commitShas: [],
    commitsTruncated: false,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Which commits a push brings.

/** GitHub's own push examples, as the webhook handler turns them into jobs. */
function examplePushJobs(): { payload: WebhookDefinition<'push'>['examples'][number]; job: CommitSelectionJob }[] {
  const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
  const push = definitions.find((entry): entry is WebhookDefinition<'push'> => entry.name === 'push');
  if (!push) throw new Error('no push examples in @octokit/webhooks-examples');
  return push.examples.map((payload) => ({
    payload,
    job: {
      repository: { owner: payload.repository.owner.login, name: payload.repository.name, defaultBranch: payload.repository.default_branch },
      headSha: payload.after,
      ref: payload.ref,
      before: payload.before,
      forced: payload.forced,
      createdBranch: payload.created,
      commitShas: payload.commits.filter((commit) => commit.distinct).map((commit) => commit.id),
      commitsTruncated: false,
    },
  }));
}

describe('resolvePushCommits', () => {
  const examples = examplePushJobs();

  it("GitHub's example pushes: a new tag without commits and deleted tags bring nothing, a first push its commit", async () => {
    const results = await Promise.all(examples.map(({ job }) => resolvePushCommits(octokit(), job)));

    expect(examples.length).toBeGreaterThan(3);
    examples.forEach(({ payload }, i) => {
      const firstPush = payload.ref === `refs/heads/${payload.repository.default_branch}` && payload.created;
      expect(results[i]).toEqual(firstPush ? [payload.after] : []);
    });
  });

  it('takes a complete list of distinct commits as it is, without asking GitHub', async () => {
    const shas = fakeShas(3, 'c1');
    expect(await resolvePushCommits(octokit(), pushJob({ commitShas: shas, headSha: shas[2] }))).toEqual(shas);
  });

  it('brings nothing for a deleted branch', async () => {
    expect(await resolvePushCommits(octokit(), pushJob({ headSha: NULL_SHA, commitShas: [] }))).toEqual([]);
  });

  it('compares a new branch with the default branch, following every page', async () => {
    const head = 'a'.repeat(40);
    const onBranch = fakeShas(130, 'b2');
    const path = `${REPO_PATH}/compare/main...${head}`;
    github()
      .get(path)
      .query({ per_page: '100', page: '1' })
      .reply(200, compareResponse(onBranch.slice(0, 100), 130), linkHeader(path, 1, 2))
      .get(path)
      .query({ per_page: '100', page: '2' })
      .reply(200, compareResponse(onBranch.slice(100), 130));

    const commits = await resolvePushCommits(octokit(), pushJob({ headSha: head, before: NULL_SHA, createdBranch: true, commitShas: onBranch.slice(-2) }));

    expect(commits).toEqual(onBranch);
  });

  it('reads the commits of a compare answer too large for the client to parse (a 12 MB patch among its files)', async () => {
    const head = 'a'.repeat(40);
    const onBranch = fakeShas(3, 'b3');
    const answer = compareResponse(onBranch, 3);
    answer.files = [{ sha: 'c'.repeat(40), filename: 'data/fixtures.csv', status: 'added', additions: 120_000, deletions: 0, changes: 120_000, patch: `@@ -0,0 +1,120000 @@\n${'+0123456789,abcdefghij,0123456789,abcdefghij,0123456789,abcdefghij,0123456789,abcdefghij,xxxxxxxxxxx\n'.repeat(120_000)}` }];
    github().get(`${REPO_PATH}/compare/main...${head}`).query({ per_page: '100', page: '1' }).reply(200, answer);

    const commits = await resolvePushCommits(octokit(), pushJob({ headSha: head, before: NULL_SHA, createdBranch: true, commitShas: onBranch.slice(-1) }));

    expect(commits).toEqual(onBranch);
  });

  it('a new branch with no history in common with the default branch: its distinct commits', async () => {
    const head = 'a'.repeat(40);
    github().get(`${REPO_PATH}/compare/main...${head}`).query(true).reply(404, { message: 'Not Found' });
    const distinct = fakeShas(2, 'd3');

    const commits = await resolvePushCommits(octokit(), pushJob({ headSha: head, before: NULL_SHA, createdBranch: true, commitShas: distinct }));

    expect(commits).toEqual(distinct);
  });

  it('a truncated first push lists the whole history, oldest first', async () => {
    const head = 'a'.repeat(40);
    const newestFirst = fakeShas(150, 'e4');
    const path = `${REPO_PATH}/commits`;
    github()
      .get(path)
      .query({ sha: head, per_page: '100', page: '1' })
      .reply(200, commitListResponse(newestFirst.slice(0, 100)), linkHeader(`${path}?sha=${head}`, 1, 2))
      .get(path)
      .query({ sha: head, per_page: '100', page: '2' })
      .reply(200, commitListResponse(newestFirst.slice(100)));

    const commits = await resolvePushCommits(
      octokit(),
      pushJob({ ref: 'refs/heads/main', headSha: head, before: NULL_SHA, createdBranch: true, commitShas: newestFirst.slice(0, 20).reverse(), commitsTruncated: true }),
    );

    expect(commits).toEqual([...newestFirst].reverse());
  });

  it('a force push with a complete list: the distinct commits only, not those rebased from the default branch', async () => {
    const distinct = fakeShas(2, 'f5');
    expect(await resolvePushCommits(octokit(), pushJob({ forced: true, commitShas: distinct }))).toEqual(distinct);
  });

  it('a truncated force push: the commits since the merge base with `before`', async () => {
    const before = 'b'.repeat(40);
    const head = 'c'.repeat(40);
    const fresh = fakeShas(40, 'a6');
    github().get(`${REPO_PATH}/compare/${before}...${head}`).query({ per_page: '100', page: '1' }).reply(200, compareResponse(fresh, 40));

    const commits = await resolvePushCommits(octokit(), pushJob({ forced: true, before, headSha: head, commitShas: fresh.slice(-20), commitsTruncated: true }));

    expect(commits).toEqual(fresh);
  });

  it('a truncated force push whose `before` is gone: the distinct commits the payload has', async () => {
    const before = 'b'.repeat(40);
    const head = 'c'.repeat(40);
    github().get(`${REPO_PATH}/compare/${before}...${head}`).query(true).reply(404, { message: 'Not Found' });
    const listed = fakeShas(20, 'a7');

    expect(await resolvePushCommits(octokit(), pushJob({ forced: true, before, headSha: head, commitShas: listed, commitsTruncated: true }))).toEqual(listed);
  });

  it('a truncated push to an existing branch: every commit from `before`, through the compare API', async () => {
    const before = 'b'.repeat(40);
    const head = 'c'.repeat(40);
    const all = fakeShas(260, 'a8');
    const path = `${REPO_PATH}/compare/${before}...${head}`;
    github()
      .get(path)
      .query({ per_page: '100', page: '1' })
      .reply(200, compareResponse(all.slice(0, 100), 260), linkHeader(path, 1, 3))
      .get(path)
      .query({ per_page: '100', page: '2' })
      .reply(200, compareResponse(all.slice(100, 200), 260), linkHeader(path, 2, 3))
      .get(path)
      .query({ per_page: '100', page: '3' })
      .reply(200, compareResponse(all.slice(200), 260));

    expect(await resolvePushCommits(octokit(), pushJob({ before, headSha: head, commitShas: all.slice(-20), commitsTruncated: true }))).toEqual(all);
  });

  it('a truncated tag push: the commits not on the default branch', async () => {
    const head = 'd'.repeat(40);
    const fresh = fakeShas(3, 'a9');
    github().get(`${REPO_PATH}/compare/main...${head}`).query(true).reply(200, compareResponse(fresh, 3));

    const commits = await resolvePushCommits(
      octokit(),
      pushJob({ ref: 'refs/tags/v2.0.0', headSha: head, before: NULL_SHA, createdBranch: true, commitShas: fresh.slice(1), commitsTruncated: true }),
    );

    expect(commits).toEqual(fresh);
  });
});

// ---------------------------------------------------------------------------------------------
// Which commits a pull request brings.

function prJob(overrides: Partial<CommitSelectionJob> = {}): CommitSelectionJob {
  return pushJob({
    ref: 'refs/pull/7/head',
    pullRequest: { number: 7, baseSha: '9'.repeat(40), headRepoFullName: `a-contributor/${REPO}` },
    ...overrides,
  });
}

describe('resolvePullRequestCommits', () => {
  it("lists a fork's pull request commits through the base repository", async () => {
    const shas = fakeShas(3, 'b1');
    github().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: '100', page: '1' }).reply(200, commitListResponse(shas));

    expect(await resolvePullRequestCommits(octokit(), prJob({ headSha: shas[2] }))).toEqual(shas);
  });

  it('beyond the 250 commits the endpoint lists, compares the base with the head instead', async () => {
    const shas = fakeShas(260, 'b2');
    const head = shas[259]!;
    const pulls = `${REPO_PATH}/pulls/7/commits`;
    const compare = `${REPO_PATH}/compare/${'9'.repeat(40)}...${head}`;
    github()
      .get(pulls)
      .query({ per_page: '100', page: '1' })
      .reply(200, commitListResponse(shas.slice(0, 100)), linkHeader(pulls, 1, 3))
      .get(pulls)
      .query({ per_page: '100', page: '2' })
      .reply(200, commitListResponse(shas.slice(100, 200)), linkHeader(pulls, 2, 3))
      .get(pulls)
      .query({ per_page: '100', page: '3' })
      .reply(200, commitListResponse(shas.slice(200, 250)))
      .get(compare)
      .query({ per_page: '100', page: '1' })
      .reply(200, compareResponse(shas.slice(0, 100), 260), linkHeader(compare, 1, 3))
      .get(compare)
      .query({ per_page: '100', page: '2' })
      .reply(200, compareResponse(shas.slice(100, 200), 260), linkHeader(compare, 2, 3))
      .get(compare)
      .query({ per_page: '100', page: '3' })
      .reply(200, compareResponse(shas.slice(200), 260));

    expect(await resolvePullRequestCommits(octokit(), prJob({ headSha: head }))).toEqual(shas);
  });

  it("when the pull request moved on since the event, takes the commits up to the event's head", async () => {
    const shas = fakeShas(4, 'b3');
    const eventHead = shas[2]!;
    github()
      .get(`${REPO_PATH}/pulls/7/commits`)
      .query(true)
      .reply(200, commitListResponse(shas))
      .get(`${REPO_PATH}/compare/${'9'.repeat(40)}...${eventHead}`)
      .query(true)
      .reply(200, compareResponse(shas.slice(0, 3), 3));

    expect(await resolvePullRequestCommits(octokit(), prJob({ headSha: eventHead }))).toEqual(shas.slice(0, 3));
  });

  it('refuses a job without a pull request', async () => {
    await expect(resolvePullRequestCommits(octokit(), pushJob({}))).rejects.toThrow(/has no pull request/);
  });
});

// ---------------------------------------------------------------------------------------------
// Reading the commits: a real repository behind mocked API responses built from it.

const temp = makeTempDir();
let repoCounter = 0;

afterAll(() => temp.remove());

function newRepo(): TestRepo {
  const dir = join(temp.path, `repo-${++repoCounter}`);
  mkdirSync(dir);
  const repo = TestRepo.init(dir);
  // What GitHub allows, for the clone path: fetching commits by SHA, and partial clones.
  repo.git('config', 'uploadpack.allowFilter', 'true');
  repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  return repo;
}

function targetFor(repo: TestRepo): GitHubRepoTarget {
  return { owner: OWNER, repo: REPO, gitUrl: `file://${repo.dir}`, token: () => Promise.resolve('test-token') };
}

function mockCommit(repo: TestRepo, sha: string, edit: (body: ReturnType<typeof commitResponse>) => void = () => undefined, headers = {}): void {
  const body = commitResponse(repo, sha);
  edit(body);
  github().get(`${REPO_PATH}/commits/${sha}`).reply(200, body, headers);
}

/** The blobs of the binary entries (no patch, no line counts) of a commit the API path reads. */
function mockBinaryBlobs(repo: TestRepo, sha: string): void {
  for (const file of filesOf(commitResponse(repo, sha))) {
    if (file.patch !== undefined || file.additions + file.deletions > 0 || file.sha === null || file.status === 'removed') continue;
    github().get(`${REPO_PATH}/git/blobs/${file.sha}`).reply(200, blobResponse(repo, file.sha));
  }
}

function filesOf(body: ReturnType<typeof commitResponse>): FileEntry[] {
  return body.files as FileEntry[];
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const TEN_LINES = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`);

/** A push of three commits: a secret added, then removed along with a rename that adds one, then a binary change. */
function buildPush(repo: TestRepo): { added: string; removed: string; binary: string } {
  repo.write('config.txt', `${TEN_LINES.join('\n')}\n`);
  repo.write('logo.png', PNG);
  repo.write('docs/old-name.md', `${TEN_LINES.join('\n')}\n`);
  repo.write('obsolete.txt', 'bye\n');
  repo.commit('initial');
  const withSecret = [...TEN_LINES];
  withSecret.splice(4, 0, 'token = SECRET_ADDED1');
  repo.write('config.txt', `${withSecret.join('\n')}\n`);
  const added = repo.commit('add token', { name: 'Mallory Dev', email: 'mallory@example.test' });
  repo.write('config.txt', `${TEN_LINES.join('\n')}\n`);
  repo.git('mv', 'docs/old-name.md', 'docs/new-name.md');
  const renamed = [...TEN_LINES];
  renamed.splice(7, 0, 'key = SECRET_RENAMED');
  repo.write('docs/new-name.md', `${renamed.join('\n')}\n`);
  repo.write('empty.txt', '');
  repo.git('rm', '-q', 'obsolete.txt');
  const removed = repo.commit('remove token, rename docs');
  repo.write('logo.png', Buffer.concat([PNG, Buffer.from([1, 2, 3, 0])]));
  const binary = repo.commit('new logo');
  return { added, removed, binary };
}

function withoutDates(items: readonly SourceItem[]): unknown[] {
  return items.map((item) => ('commit' in item && typeof item.commit === 'object' ? { ...item, commit: { ...item.commit, date: '' } } : item));
}

describe('readGitHubCommits', () => {
  it('reads a small push through the commits API: the secret added then removed is found in its commit', async () => {
    const repo = newRepo();
    const push = buildPush(repo);
    for (const sha of [push.added, push.removed, push.binary]) mockCommit(repo, sha);
    mockBinaryBlobs(repo, push.binary);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [push.added, push.removed, push.binary], OPTIONS), {
      engine: markerEngine,
      root: '',
      target: 'push',
    });

    expect(result.findings.map((f) => ({ path: f.path, line: f.line, commit: f.commit, author: f.author, date: f.date }))).toEqual([
      { path: 'config.txt', line: 5, commit: push.added, author: 'Mallory Dev', date: '2024-01-01T14:00:00Z' },
      { path: 'docs/new-name.md', line: 8, commit: push.removed, author: 'Test Author', date: '2024-01-01T15:00:00Z' },
    ]);
    expect(result.stats.skipped).toEqual([{ path: 'logo.png', reason: 'binary', commit: push.binary }]);
    expect(result.stats.commitsScanned).toBe(3);
  });

  it('yields from the API exactly what git yields for the same commits (line numbers, renames, binary files)', async () => {
    const repo = newRepo();
    const push = buildPush(repo);
    const shas = [push.added, push.removed, push.binary];
    for (const sha of shas) mockCommit(repo, sha);
    mockBinaryBlobs(repo, push.binary);

    const fromApi = await collect(readGitHubCommits(octokit(), targetFor(repo), shas, OPTIONS));
    const fromGit = await collect(readGitRange(repo.dir, { commits: shas }));

    expect(withoutDates(fromApi)).toEqual(withoutDates(fromGit));
    expect(fromApi.map((item) => item.path)).toEqual(['config.txt', 'docs/new-name.md', 'logo.png']);
  });

  it('reads a UTF-16 file GitHub calls binary through the blobs API: with a BOM and without, lines numbered as in the file', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    const text = 'Set-Variable a 1\r\nSet-Variable b 2\r\n$token = "SECRET_INUTF16"\r\n';
    repo.write('deploy.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    repo.write('export.txt', Buffer.from(`one\r\nkey SECRET_NOBOM16\r\n`, 'utf16le'));
    repo.write('logo.png', PNG);
    const sha = repo.commit('add scripts');
    mockCommit(repo, sha);
    mockBinaryBlobs(repo, sha);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [sha], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.line, f.secret.redacted, f.commit])).toEqual([
      ['deploy.ps1', 3, '…TF16 (14 chars)', sha],
      ['export.txt', 2, '…OM16 (14 chars)', sha],
    ]);
    expect(result.stats.skipped).toEqual([{ path: 'logo.png', reason: 'binary', commit: sha }]);
  });

  it('reads key material GitHub calls binary through the blobs API and scans it as binary, whatever its name', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'der' });
    repo.write('deploy/signing.bin', key);
    repo.write('logo.png', PNG);
    const sha = repo.commit('add signing key');
    mockCommit(repo, sha);
    mockBinaryBlobs(repo, sha);

    const engine = createEngine({ providers: allProviders });
    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [sha], OPTIONS), { engine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.ruleId, f.line, f.details['format'], f.commit])).toEqual([['deploy/signing.bin', 'der-private-key', 1, 'SEC1', sha]]);
    expect(result.stats.skipped).toEqual([{ path: 'logo.png', reason: 'binary', commit: sha }]);
  });

  it('yields for a UTF-16 file from the API exactly what git yields', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    repo.write('deploy.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\r\n\r\nkey SECRET_INUTF16\r\n', 'utf16le')]));
    const sha = repo.commit('add script');
    mockCommit(repo, sha);
    mockBinaryBlobs(repo, sha);

    const fromApi = await collect(readGitHubCommits(octokit(), targetFor(repo), [sha], OPTIONS));

    expect(withoutDates(fromApi)).toEqual(withoutDates(await collect(readGitRange(repo.dir, { commits: [sha] }))));
    expect(fromApi).toMatchObject([{ path: 'deploy.ps1', lineNumbers: [1, 2, 3] }]);
  });

  it('reads with git a commit whose API answer is too large for the client to parse, finding the secret in its small file', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    // A 12 MB patch: one JSON string that large overflows octokit's JSON parser, which then hands back raw text.
    repo.write('data/fixtures.csv', `${'0123456789,abcdefghij,'.repeat(4).concat('x'.repeat(11)).concat('\n').repeat(120_000)}`);
    repo.write('config.txt', 'token = SECRET_BESIDEBIG\n');
    const huge = repo.commit('add fixtures');
    repo.write('notes.txt', 'key = SECRET_APIREADS\n');
    const after = repo.commit('add notes');
    // The reproduction: the client's answer for this commit is a string, not the commit.
    mockCommit(repo, huge);
    const raw = await octokit().request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: OWNER, repo: REPO, ref: huge });
    expect(typeof raw.data).toBe('string');
    expect((raw.data as unknown as string).length).toBeGreaterThan(12_000_000);
    mockCommit(repo, huge);
    mockCommit(repo, after);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [huge, after], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.line, f.commit])).toEqual([
      ['notes.txt', 1, after],
      ['config.txt', 1, huge],
    ]);
    // git reads the huge file too, and skips it as any file over the size limit.
    expect(result.stats.skipped).toEqual([expect.objectContaining({ path: 'data/fixtures.csv', reason: 'too-large', commit: huge })]);
    expect(result.stats.commitsScanned).toBe(2);
  });

  it('reads with git a commit that changes a UTF-16 file: only git names the old blob, to tell the added lines', async () => {
    const repo = newRepo();
    const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    repo.write('deploy.ps1', utf16('$old = "SECRET_BEFORE"\r\n'));
    repo.commit('initial');
    repo.write('deploy.ps1', utf16('$old = "SECRET_BEFORE"\r\n$new = "SECRET_CHANGED"\r\n'));
    const sha = repo.commit('more script');
    mockCommit(repo, sha);
    mockBinaryBlobs(repo, sha);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [sha], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.line, f.secret.redacted, f.commit])).toEqual([['deploy.ps1', 2, '…NGED (14 chars)', sha]]);
    expect(result.stats.commitsScanned).toBe(1);
  });

  it('reports a binary blob above the size limit as too large, and one the config ignores is not fetched', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    repo.write('big.bin', Buffer.concat([PNG, Buffer.alloc(4096, 7)]));
    repo.write('vendor/blob.bin', PNG);
    const sha = repo.commit('assets');
    mockCommit(repo, sha);
    const big = filesOf(commitResponse(repo, sha)).find((file) => file.filename === 'big.bin')!;
    github().get(`${REPO_PATH}/git/blobs/${big.sha}`).reply(200, blobResponse(repo, big.sha!));

    const options = { maxFileBytes: 1024, ignorePath: (path: string) => path.startsWith('vendor/') };
    const items = await collect(readGitHubCommits(octokit(), targetFor(repo), [sha], options));

    expect(items).toEqual([
      { path: 'big.bin', reason: 'too-large', commit: sha, bytes: PNG.length + 4096 },
      { path: 'vendor/blob.bin', reason: 'ignored-by-config', commit: sha },
    ]);
  });

  it('reads a commit with more than 300 files with git: the API lists only the first page', async () => {
    const repo = newRepo();
    repo.write('README.md', 'hello\n');
    repo.commit('initial');
    for (let i = 0; i < 301; i++) repo.write(`gen/file-${String(i).padStart(3, '0')}.txt`, i === 300 ? 'k = SECRET_LASTFILE\n' : `n = ${i}\n`);
    const huge = repo.commit('generate');
    mockCommit(repo, huge, (body) => void (body.files = filesOf(body).slice(0, 300)), linkHeader(`${REPO_PATH}/commits/${huge}`, 1, 2));

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [huge], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.commit])).toEqual([['gen/file-300.txt', huge]]);
    expect(result.stats.filesScanned).toBe(301);
    expect(result.stats.commitsScanned).toBe(1);
  });

  it('reads with git a commit whose patch GitHub left out or cut short, and the others from the API', async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('initial');
    repo.write('dump.sql', 'insert 1;\npassword = SECRET_INDUMP\n');
    const missing = repo.commit('big dump');
    repo.write('notes.txt', 'one\ntwo\nkey = SECRET_CUTOFF\n');
    const cut = repo.commit('notes');
    repo.write('a.txt', 'a\nb = SECRET_APIREAD\n');
    const plain = repo.commit('plain');
    mockCommit(repo, missing, (body) => void delete filesOf(body)[0]!.patch);
    mockCommit(repo, cut, (body) => void (filesOf(body)[0]!.patch = '@@ -0,0 +1,3 @@\n+one\n+two'));
    mockCommit(repo, plain);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [missing, cut, plain], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.line, f.commit])).toEqual([
      ['a.txt', 2, plain],
      ['dump.sql', 2, missing],
      ['notes.txt', 3, cut],
    ]);
    expect(result.stats.commitsScanned).toBe(3);
  });

  it('reads a merge with git, which shows only what the merge itself added', async () => {
    const repo = newRepo();
    repo.write('base.txt', 'base\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('side.txt', 'from side = SECRET_ONSIDE\n');
    repo.commit('side');
    repo.git('checkout', '-q', 'main');
    repo.write('main.txt', 'main\n');
    repo.commit('main');
    repo.git('merge', '-q', '--no-commit', '--no-ff', 'side');
    repo.write('side.txt', 'from side = SECRET_ONSIDE\nin the merge = SECRET_INMERGE\n');
    repo.git('add', '-A');
    const merge = repo.commitStaged('merge side');
    mockCommit(repo, merge);

    const result = await runScan(readGitHubCommits(octokit(), targetFor(repo), [merge], OPTIONS), { engine: markerEngine, root: '', target: 'push' });

    // The API would diff against the first parent and report the side branch's secret again.
    expect(result.findings.map((f) => [f.path, f.line, f.secret.redacted, f.commit])).toEqual([['side.txt', 2, '…ERGE (14 chars)', merge]]);
  });

  it(`reads more than ${API_COMMITS_LIMIT} commits with one clone and no API request`, async () => {
    const repo = newRepo();
    repo.write('log.txt', 'start\n');
    repo.commit('initial');
    const shas: string[] = [];
    for (let i = 1; i <= API_COMMITS_LIMIT + 1; i++) {
      repo.write('log.txt', `start\nentry ${i}${i === 13 ? ' SECRET_THIRTEEN' : ''}\n`);
      shas.push(repo.commit(`entry ${i}`));
    }

    const source = readGitHubCommits(octokit(), targetFor(repo), shas, OPTIONS);
    const result = await runScan(source, { engine: markerEngine, root: '', target: 'push' });

    expect(result.findings.map((f) => [f.path, f.line, f.commit])).toEqual([['log.txt', 2, shas[12]]]);
    expect(result.stats.commitsScanned).toBe(API_COMMITS_LIMIT + 1);
  });

  it("surfaces a 502 as a retryable error once Probot's octokit has made its own retries, adding none", async () => {
    const repo = newRepo();
    repo.write('a.txt', 'a\n');
    const sha = repo.commit('initial');
    // The retry plugin's default: 3 retries (4 requests). A fifth request would be unmatched.
    github().get(`${REPO_PATH}/commits/${sha}`).times(4).reply(502, { message: 'Server Error' });
    const withRetries = octokit({ retry: { enabled: true, retryAfterBaseValue: 1 } });

    const error = await collect(readGitHubCommits(withRetries, targetFor(repo), [sha], OPTIONS)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect(error).toMatchObject({ status: 502, retryable: true, retryAfterSeconds: undefined });
  });

  it("passes GitHub's retry-after on to the queue", async () => {
    const sha = 'a'.repeat(40);
    github().get(`${REPO_PATH}/commits/${sha}`).reply(429, { message: 'Too Many Requests' }, { 'retry-after': '17' });

    await expect(collect(readGitHubCommits(octokit(), targetFor(newRepo()), [sha], OPTIONS))).rejects.toMatchObject({
      name: 'GitHubUnavailableError',
      status: 429,
      retryAfterSeconds: 17,
    });
  });

  it('refuses anything but full commit SHAs', () => {
    expect(() => readGitHubCommits(octokit(), targetFor(newRepo()), ['main'], OPTIONS)).toThrow(/full commit SHAs/);
  });
});
