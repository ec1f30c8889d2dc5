// Probot's octokit with each installation's writes put in order by a WriteScheduler
// (write-scheduler.ts): check run results first, other check run writes next, incident issues,
// comments and timeline edits last, a second apart. The plugin wraps `request` outside Probot's retry and throttling, so a request takes
// one slot however often it is retried, and reaches the throttling's write limiter in slot order.
import { ProbotOctokit } from 'probot';
import { DEFAULT_WRITE_SPACING, WriteScheduler, type WriteLane, type WriteRequest, type WriteSchedulerSettings, type WriteSlot } from './write-scheduler.js';

/** The schedulers of one process, one per installation, shared by every octokit of that installation. */
export class InstallationWrites {
  readonly #schedulers = new Map<number, WriteScheduler>();

  constructor(
    private readonly settings: WriteSchedulerSettings = DEFAULT_WRITE_SPACING,
    /** Told of every slot handed out (tests, logs). */
    private readonly onSlot?: (installationId: number, slot: WriteSlot) => void,
  ) {}

  of(installationId: number): WriteScheduler {
    let scheduler = this.#schedulers.get(installationId);
    if (scheduler === undefined) {
      const onSlot = this.onSlot;
      scheduler = new WriteScheduler(this.settings, onSlot === undefined ? undefined : (slot) => onSlot(installationId, slot));
      this.#schedulers.set(installationId, scheduler);
    }
    return scheduler;
  }
}

/**
 * A write to schedule, or undefined for a read or a write outside a repository (tokens, app
 * settings). A check run's status (created, in progress, completed with its conclusion) is what a
 * reviewer waits for; a finished run's output rewritten (the leak response's section, more
 * annotations) comes second.
 */
export function classifyWrite(method: string, url: string, parameters: Record<string, unknown> = {}): WriteRequest | undefined {
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD' || verb === 'OPTIONS') return undefined;
  // A template (`/repos/{owner}/{repo}/check-runs`) as a rule; a full URL, GHE's /api/v3 included, as well.
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/api\/v3(?=\/)/, '').replace(/[?#].*$/, '');
  if (!path.startsWith('/repos/')) return undefined;
  const route = `${verb} ${path}`;
  const checkRun = (verb === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) || (verb === 'PATCH' && /^\/repos\/[^/]+\/[^/]+\/check-runs\/[^/]+$/.test(path));
  // What Probot's throttling spaces 3 s apart among leakstop's writes (it lists more routes, none ours).
  const notifies = verb === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues(\/[^/]+\/comments)?$/.test(path);
  // Creating a run sets its status (queued by default); a PATCH without one rewrites output only.
  const setsStatus = verb === 'POST' || parameters.status !== undefined;
  const lane: WriteLane = !checkRun ? 'other' : setsStatus ? 'check-run-status' : 'check-run';
  return { lane, route, notifies, ...(checkRun && parameters.status === 'completed' ? { completes: true } : {}) };
}

/** The installation an octokit was made for (Probot's `auth(installationId)`), if any. */
function installationOf(options: { auth?: unknown }): number | undefined {
  const auth = options.auth;
  if (typeof auth !== 'object' || auth === null || !('installationId' in auth)) return undefined;
  const id = Number(auth.installationId);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * `Base` (ProbotOctokit unless given: the app passes its request policy's class) whose installation
 * octokits schedule their writes through `writes`: pass it as Probot's `Octokit`.
 */
export function prioritizedOctokit(writes: InstallationWrites, Base: typeof ProbotOctokit = ProbotOctokit): typeof ProbotOctokit {
  return Base.plugin((octokit, options) => {
    const installationId = installationOf(options);
    // The app's own octokit (JWT) makes no repository writes: Probot's throttling alone paces it.
    if (installationId === undefined) return {};
    const scheduler = (): WriteScheduler => writes.of(installationId);
    octokit.hook.wrap('request', (request, requestOptions) => {
      const write = classifyWrite(requestOptions.method, requestOptions.url, requestOptions);
      if (write === undefined) return request(requestOptions);
      return scheduler().schedule(write, async () => request(requestOptions));
    });
    return { writeSchedule: { expectResult: () => scheduler().expectResult() } };
  });
}

interface WithWriteSchedule {
  writeSchedule: { expectResult(): void };
}

function hasWriteSchedule(octokit: object): octokit is WithWriteSchedule {
  return 'writeSchedule' in octokit && typeof octokit.writeSchedule === 'object' && octokit.writeSchedule !== null && 'expectResult' in octokit.writeSchedule;
}

/**
 * Tells the installation's scheduler that a scan has started whose check run result is to come, so
 * incident writes hold back until it is written (see WriteScheduler.expectResult). A plain octokit
 * (tests, the CLI) has no scheduler: nothing to tell.
 */
export function expectCheckRunResult(octokit: object): void {
  if (hasWriteSchedule(octokit)) octokit.writeSchedule.expectResult();
}
