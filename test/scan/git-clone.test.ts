import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkGitUrl,
  cloneRepositoryArgs,
  fetchCommitsArgs,
  gitAuthEnvironment,
  readCommitsWithGit,
  readRepositoryHistory,
  scrubbedGitError,
  tokenForms,
  type GitHubRepoTarget,
} from '../../src/scan/git-clone.js';
import { GitHubUnavailableError } from '../../src/github/errors.js';
import { GitCommandError } from '../../src/scan/git-process.js';
import { runScan } from '../../src/scan/run-scan.js';
import { collect, isolateGit, makeTempDir, markerEngine, TestRepo, unitTexts } from './helpers.js';
import { startGitHttpServer, type GitHttpServer } from './git-http-server.js';

// Built at run time so that no token-shaped literal sits in the source.
const TOKEN = `ghs_${'k3'.repeat(18)}`;
const AUTHORIZATION = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
const OPTIONS = { maxFileBytes: 1024 * 1024, ignorePath: () => false };

const temp = makeTempDir();
const originalTmpdir = process.env.TMPDIR;
let scratch: string;
let server: GitHttpServer;
let origin: TestRepo;
let shas: { initial: string; added: string; removed: string; side: string; tagged: string };

/** The origin repository: a secret added then removed on main, one on an unmerged branch, one only under a tag. */
function buildOrigin(dir: string): TestRepo {
  const repo = TestRepo.init(dir);
  // What GitHub allows: fetching a commit by SHA, and partial clones.
  repo.git('config', 'uploadpack.allowFilter', 'true');
  repo.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  repo.write('app/config.txt', 'one\ntwo\nthree\n');
  const initial = repo.commit('initial');
  repo.write('app/config.txt', 'one\ntwo\ntoken = SECRET_ADDED1\nthree\n');
  const added = repo.commit('add token', { name: 'Mallory Dev', email: 'mallory@example.test' });
  repo.write('app/config.txt', 'one\ntwo\nthree\n');
  const removed = repo.commit('remove token');
  repo.git('checkout', '-q', '-b', 'side');
  repo.write('side.txt', 'key = SECRET_ONSIDE\n');
  const side = repo.commit('side work');
  repo.git('checkout', '-q', '--detach', 'main');
  repo.write('release.txt', 'key = SECRET_TAGONLY\n');
  const tagged = repo.commit('release');
  repo.git('tag', 'v1', tagged);
  repo.git('checkout', '-q', 'main');
  shas = { initial, added, removed, side, tagged };
  return repo;
}

function target(gitUrl: string, token = TOKEN): GitHubRepoTarget {
  return { owner: 'octo-org', repo: 'payments', gitUrl, token: () => Promise.resolve(token) };
}

beforeAll(async () => {
  isolateGit();
  // Temporary clones go here, so a test can see that none is left behind.
  scratch = mkdtempSync(join(tmpdir(), 'leakstop-clone-test-'));
  process.env.TMPDIR = scratch;
  const root = join(temp.path, 'served');
  mkdirSync(join(root, 'origin'), { recursive: true });
  origin = buildOrigin(join(root, 'origin'));
  server = await startGitHttpServer(root, AUTHORIZATION);
});

afterEach(() => {
  expect(readdirSync(scratch)).toEqual([]);
  server.reset();
});

afterAll(async () => {
  await server.close();
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  rmSync(scratch, { recursive: true, force: true });
  temp.remove();
});

describe('the credentials given to git', () => {
  it('are an Authorization header for the clone URL only, in the environment, with no helper and no prompt', () => {
    const url = 'https://github.example.test/octo-org/payments.git';
    const env = gitAuthEnvironment(url, TOKEN, {});

    expect(env).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: `http.${url}.extraheader`,
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: ${AUTHORIZATION}`,
      GIT_CONFIG_KEY_1: 'credential.helper',
      GIT_CONFIG_VALUE_1: '',
      GIT_TERMINAL_PROMPT: '0',
      GIT_TRACE_REDACT: '1',
    });
  });

  it('never reach the command line or the URL git is given', () => {
    const url = 'https://github.example.test/octo-org/payments.git';
    const commandLines = [fetchCommitsArgs([shas.added]), cloneRepositoryArgs(url)].map((args) => args.join(' '));

    for (const line of commandLines) {
      for (const form of tokenForms(TOKEN)) expect(line).not.toContain(form);
    }
    expect(cloneRepositoryArgs(url)).toContain(url);
    expect(fetchCommitsArgs([shas.added])).toEqual(expect.arrayContaining(['--filter=blob:none', '--depth=2', 'origin', shas.added]));
  });

  it("come after the operator's own GIT_CONFIG_* entries instead of replacing them", () => {
    const env = gitAuthEnvironment('https://github.test/o/r.git', TOKEN, { GIT_CONFIG_COUNT: '1' });

    expect(env.GIT_CONFIG_COUNT).toBe('3');
    expect(env.GIT_CONFIG_KEY_1).toBe('http.https://github.test/o/r.git.extraheader');
    expect(env.GIT_CONFIG_KEY_0).toBeUndefined();
  });

  it('refuse a URL that carries credentials or is not a URL', () => {
    expect(() => checkGitUrl(`https://x-access-token:${TOKEN}@github.test/o/r.git`)).toThrow(/holds credentials/);
    expect(() => checkGitUrl('--upload-pack=touch /tmp/x')).toThrow(/not a URL/);
    expect(() => checkGitUrl('ssh://git@github.test/o/r.git')).toThrow(/only https/);
    expect(() => checkGitUrl('https://github.test/o/r.git')).not.toThrow();
  });
});

describe('scrubbedGitError', () => {
  it('takes the token, raw or base64-encoded, out of the message and drops the unscrubbed cause', () => {
    const stderr = `fatal: unable to access 'https://x-access-token:${TOKEN}@github.test/o/r.git/': header ${tokenForms(TOKEN)[1]}\n`;
    const error = scrubbedGitError(new GitCommandError(['fetch'], 128, stderr), tokenForms(TOKEN));

    expect(error).toBeInstanceOf(Error);
    const { message, cause, name } = error as Error;
    expect(name).toBe('GitReadError');
    expect(message).toContain('git fetch failed');
    expect(message).toContain('[REDACTED]');
    for (const form of tokenForms(TOKEN)) expect(message).not.toContain(form);
    expect(cause).toBeUndefined();
  });

  it('makes an HTTP 5xx or 429 met by git retryable', () => {
    const stderr = "fatal: unable to access 'https://github.test/o/r.git/': The requested URL returned error: 502\n";
    const error = scrubbedGitError(new GitCommandError(['fetch'], 128, stderr), []);

    expect(error).toBeInstanceOf(GitHubUnavailableError);
    expect(error).toMatchObject({ status: 502, retryable: true });
  });
});

describe('readCommitsWithGit over HTTP', () => {
  it('reads exactly the given commits with the token sent as a header on every request, never in a URL', async () => {
    const source = readCommitsWithGit(target(server.url('origin')), [shas.added, shas.removed], OPTIONS);

    const result = await runScan(source, { engine: markerEngine, root: '', target: 'test' });

    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      path: 'app/config.txt',
      line: 3,
      column: 9,
      commit: shas.added,
      author: 'Mallory Dev',
      authorEmail: 'mallory@example.test',
    });
    expect(result.stats.commitsScanned).toBe(2);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) {
      expect(request.authorization).toBe(AUTHORIZATION);
      for (const form of tokenForms(TOKEN)) expect(request.url).not.toContain(form);
    }
    // Each git process that connects starts with GET info/refs: the fetch of the commits, then at
    // least one on-demand fetch of the blobs the diff needs. The header reached git's children too.
    expect(server.requests.filter((request) => request.method === 'GET' && request.url.includes('/info/refs')).length).toBeGreaterThanOrEqual(2);
  });

  it('fails with a scrubbed message when GitHub refuses the token, and leaves no clone behind', async () => {
    const wrong = `ghs_${'w9'.repeat(18)}`;
    const source = readCommitsWithGit(target(server.url('origin'), wrong), [shas.added], OPTIONS);

    const error = await collect(source).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('GitReadError');
    expect((error as Error).message).toMatch(/git fetch failed/);
    for (const form of tokenForms(wrong)) expect((error as Error).message).not.toContain(form);
    expect(server.requests.every((request) => request.authorization !== AUTHORIZATION)).toBe(true);
  });

  it('turns a 503 from the git server into a retryable error', async () => {
    server.failNext(503);

    await expect(collect(readCommitsWithGit(target(server.url('origin')), [shas.added], OPTIONS))).rejects.toMatchObject({
      name: 'GitHubUnavailableError',
      status: 503,
    });
  });

  it('deletes the temporary clone when the consumer stops early', async () => {
    const source = readCommitsWithGit(target(server.url('origin')), [shas.added, shas.side], OPTIONS);

    for await (const item of source) {
      expect(item).toBeDefined();
      break;
    }
    // afterEach checks that the temporary directory is empty.
  });
});

describe('readRepositoryHistory', () => {
  it('reads every commit of every branch and tag, with the token as a header', async () => {
    const history = readRepositoryHistory(target(server.url('origin')), OPTIONS);

    const items = await collect(history);

    expect(unitTexts(items).sort()).toEqual([
      'app/config.txt: one\ntwo\nthree',
      'app/config.txt: token = SECRET_ADDED1',
      'release.txt: key = SECRET_TAGONLY',
      'side.txt: key = SECRET_ONSIDE',
    ]);
    expect(history.commitsRead).toBe(5);
    expect(server.requests.every((request) => request.authorization === AUTHORIZATION)).toBe(true);
  });

  it('works from a file:// URL too (a local mirror, or a test)', async () => {
    const history = readRepositoryHistory(target(`file://${origin.dir}`), OPTIONS);

    const result = await runScan(history, { engine: markerEngine, root: '', target: 'test' });

    expect(result.findings.map((finding) => [finding.path, finding.commit])).toEqual(
      expect.arrayContaining([
        ['app/config.txt', shas.added],
        ['side.txt', shas.side],
        ['release.txt', shas.tagged],
      ]),
    );
    expect(result.findings).toHaveLength(3);
    expect(result.stats.commitsScanned).toBe(5);
  });
});
