// Every request leakstop sends to GitHub gets an answer, whole, within a deadline: a connection
// GitHub (or a proxy) holds open must not keep a worker slot for minutes. Given to Probot as its
// `request.fetch`, which Probot also hands to the installation-token requests of its app auth.

/** How long one GitHub request may take, headers and body, unless the operator says otherwise. */
export const DEFAULT_GITHUB_TIMEOUT_MS = 30_000;

/**
 * GitHub did not answer in time. Named AbortError on purpose: @octokit/request passes an AbortError
 * from fetch through untouched, whereas it wraps any other fetch error in a RequestError 500 that
 * @octokit/plugin-retry would repeat (1 s, 4 s, 9 s later) inside the job's slot. A timeout is
 * retried by re-queueing the job instead (see queue/retry.ts).
 */
export class GitHubTimeoutError extends Error {
  override name = 'AbortError';
  /** Tells this error apart from a caller's own abort, which carries the same name. */
  readonly timedOut = true;

  constructor(
    readonly method: string,
    /** The path only: a query string could carry anything. */
    readonly path: string,
    readonly timeoutMs: number,
  ) {
    super(`GitHub did not answer ${method} ${path} within ${timeoutMs} ms (LEAKSTOP_GITHUB_TIMEOUT_MS): the job goes back to the queue and is tried again later.`);
  }
}

export function isGitHubTimeout(error: unknown): error is GitHubTimeoutError {
  return error instanceof GitHubTimeoutError || (error instanceof Error && 'timedOut' in error && error.timedOut === true);
}

/**
 * `fetch` with a deadline on the whole exchange. The body is read here, under the same deadline,
 * because octokit reads a JSON body after fetch resolves and turns one that fails half-way into an
 * empty string, which would reach the scan as a successful empty answer.
 */
export function fetchWithTimeout(timeoutMs: number, fetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init)): typeof globalThis.fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const response = await fetch(input, { ...init, signal });
      return await buffered(response);
    } catch (error) {
      if (!deadline.aborted) throw error;
      throw new GitHubTimeoutError(init?.method ?? 'GET', pathOf(input), timeoutMs);
    }
  };
}

/** The same response, its body read whole. */
async function buffered(response: Response): Promise<Response> {
  const body = response.body === null ? null : await response.arrayBuffer();
  // A null-body status (204, 205, 304) may not be given a body, even an empty one.
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // octokit reports the answer's URL (after redirects); a constructed Response has none of its own.
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function pathOf(input: string | URL | Request): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(url).pathname;
  } catch {
    return '(unparsable URL)';
  }
}
