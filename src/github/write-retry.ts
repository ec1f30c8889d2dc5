// Which GitHub requests the client may repeat on its own, and how a write that creates something is
// repeated instead. @octokit/plugin-retry (in Probot's octokit) sends a request again after a 5xx or
// a dropped connection; for a read or a PATCH that is harmless, but a POST that creates (an issue, a
// check run, a comment) may have been carried out by GitHub before its answer was lost, and a second
// POST then makes a second one. So such writes are never retried by the client: a write whose
// outcome is unknown looks for what it would have created first, and creates only if nothing is there.
import type { Octokit } from '@octokit/core';
import { httpStatus } from './errors.js';

/** POSTs that create nothing a second call would duplicate: the client may repeat them. */
const REPEATABLE_POSTS: ReadonlySet<string> = new Set([
  // An installation token: a second one is as good as the first.
  '/app/installations/{installation_id}/access_tokens',
]);

/** The parts of an octokit request's options this policy reads (the route is still a template here). */
interface RequestOptions {
  method?: string;
  url?: string;
  output?: unknown;
  request?: { retries?: number };
}

/**
 * True for a request the client must not repeat blindly: a POST (other than those above), and a
 * check run PATCH carrying annotations, which GitHub appends rather than replaces.
 */
export function isUnrepeatableWrite(options: RequestOptions): boolean {
  const method = options.method?.toUpperCase();
  if (method === 'POST') return !REPEATABLE_POSTS.has(options.url ?? '');
  if (method === 'PATCH') return hasAnnotations(options.output);
  return false;
}

function hasAnnotations(output: unknown): boolean {
  if (typeof output !== 'object' || output === null || !('annotations' in output)) return false;
  return Array.isArray(output.annotations) && output.annotations.length > 0;
}

/**
 * An octokit plugin (`ProbotOctokit.plugin(writeRetryPolicy)`): sets @octokit/plugin-retry's
 * per-request `retries` to 0 on unrepeatable writes. Reads and PATCHes keep the client's retries;
 * the throttling plugin still repeats a write GitHub refused for a rate limit (refused: not done).
 */
export function writeRetryPolicy(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.before('request', (options) => {
    if (isUnrepeatableWrite(options as RequestOptions)) withoutClientRetries(options);
  });
}

/**
 * Tells @octokit/plugin-retry not to repeat this one request (it reads `options.request.retries` of
 * the options it is handed). A fresh `request` object: the one octokit passes may be its defaults',
 * shared with every later request, which an in-place change would leave without retries too.
 */
export function withoutClientRetries(options: { request?: object }): void {
  options.request = { ...options.request, retries: 0 };
}

/**
 * True when a failed request may have been carried out all the same: GitHub answered 5xx, or no
 * answer came (a dropped connection, a timeout: octokit reports those as 500 too, or as an error
 * without a status). A 4xx, rate limits included, is GitHub saying it did not do it.
 */
export function outcomeUnknown(error: unknown): boolean {
  const status = httpStatus(error);
  return status === undefined || status >= 500;
}

export interface CreateOnce<T> {
  /** The creating request. */
  create: () => Promise<T>;
  /** What the create would have made, if GitHub has it (found by a marker, an external id...). */
  find: () => Promise<T | undefined>;
}

/**
 * Creates something on GitHub at most once. When the create fails with an unknown outcome, looks
 * for what it would have made and returns that if GitHub has it; only if the lookup finds nothing
 * is it created again, once (a second unknown outcome goes to the job's retry, whose run looks up
 * first again). Any other failure is thrown as is.
 */
export async function createOnce<T>(write: CreateOnce<T>): Promise<T> {
  try {
    return await write.create();
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const found = await write.find();
    if (found !== undefined) return found;
    return write.create();
  }
}
