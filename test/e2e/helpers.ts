// What the end-to-end tests share: a push that adds a real-looking GitHub token, GitHub's answers to
// the worker's requests (nock), a log captured line by line, and a wait with a deadline.
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { createLogger, type Logger } from '../../src/log.js';
import { redisUrl } from '../queue/redis.js';
import { APP_ID, examplePayload, INSTALLATION_ID, testPrivateKey, WEBHOOK_SECRET } from '../webhooks/helpers.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const API = 'https://api.github.com';

export function randomSha(): string {
  return randomBytes(20).toString('hex');
}

/** GitHub's example push to master, made into a push of one new commit to an existing branch. */
export function pushOf(commitSha: string, before: string): Record<string, unknown> {
  const payload = examplePayload('push', (p) => p.ref === 'refs/heads/master');
  const [template] = payload.commits as Record<string, unknown>[];
  return {
    ...payload,
    before,
    after: commitSha,
    created: false,
    compare: `https://github.com/${OWNER}/${REPO}/compare/${before.slice(0, 12)}...${commitSha.slice(0, 12)}`,
    commits: [{ ...template, id: commitSha, distinct: true, message: 'Add deploy settings', added: ['config/deploy.env'] }],
    head_commit: { ...template, id: commitSha, message: 'Add deploy settings' },
    installation: { id: INSTALLATION_ID },
  };
}

/** GET /repos/{owner}/{repo}/commits/{sha}: one file added whose second line holds `token`. */
export function commitWithToken(sha: string, parent: string, token: string): Record<string, unknown> {
  return commitWithLines(sha, parent, ['APP_NAME=hello', `GITHUB_TOKEN=${token}`, 'REGION=eu-west-1']);
}

/** GET /repos/{owner}/{repo}/commits/{sha}: one file, config/deploy.env, added with `lines`. */
export function commitWithLines(sha: string, parent: string, lines: readonly string[]): Record<string, unknown> {
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}`;
  return {
    sha,
    node_id: 'C_test',
    url: `${API}/repos/${OWNER}/${REPO}/commits/${sha}`,
    html_url: `https://github.com/${OWNER}/${REPO}/commit/${sha}`,
    parents: [{ sha: parent, url: `${API}/repos/${OWNER}/${REPO}/commits/${parent}` }],
    commit: {
      author: { name: 'Mona Lisa', email: 'mona@example.com', date: '2026-03-02T10:00:00Z' },
      committer: { name: 'Mona Lisa', email: 'mona@example.com', date: '2026-03-02T10:00:00Z' },
      message: 'Add deploy settings',
    },
    stats: { additions: lines.length, deletions: 0, total: lines.length },
    files: [{ sha: randomSha(), filename: 'config/deploy.env', status: 'added', additions: lines.length, deletions: 0, changes: lines.length, patch }],
  };
}

/** POST /app/installations/{id}/access_tokens, as Probot's app authentication asks for it. */
export function installationTokenResponse(): Record<string, unknown> {
  return { token: 'ghs_installationtokenfortests0000000', expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {}, repository_selection: 'all' };
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/** Records every request any nock interceptor answers, with its body as sent. */
export function recordRequests(scope: nock.Scope, recorded: RecordedRequest[] = []): RecordedRequest[] {
  scope.on('request', (request: { method: string; path: string }, _interceptor: unknown, body: string) => {
    recorded.push({ method: request.method, path: request.path, body });
  });
  return recorded;
}

export interface CapturedLog {
  log: Logger;
  lines: string[];
}

/** A logger at debug level whose every line is kept for inspection. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { log, lines };
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * nock for an end-to-end test: only loopback (the test's own deliveries) goes through, and every
 * other request no mock answered is collected, for the test to assert there was none.
 */
export function guardNetwork(): { unmatched: string[]; start(): void; stop(): string[] } {
  const unmatched: string[] = [];
  const onNoMatch = (request: { method?: string; path?: string; host?: string }): void => {
    if (request.host?.startsWith('127.0.0.1')) return;
    unmatched.push(`${request.method ?? '?'} ${request.host ?? ''}${request.path ?? '?'}`);
  };
  return {
    unmatched,
    start: () => {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      nock.emitter.on('no match', onNoMatch);
    },
    stop: () => {
      nock.emitter.off('no match', onNoMatch);
      nock.cleanAll();
      nock.enableNetConnect();
      return unmatched.splice(0);
    },
  };
}

/** The environment of `leakstop start` in an end-to-end test: the test app, the test Redis, `prefix`, and `extra`. */
export function testAppEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET,
    PORT: '0',
    REDIS_URL: redisUrl(),
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '2',
    // The shared test Redis keeps nothing on disk; tests of the persistence check start their own.
    LEAKSTOP_ALLOW_VOLATILE_REDIS: 'true',
    // No GET /app/hook/deliveries in tests that mock GitHub request by request: reconciliation has its own tests.
    LEAKSTOP_RECONCILE_MINUTES: '0',
    ...extra,
  };
}
