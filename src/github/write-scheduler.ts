// The order of one installation's writes to GitHub. GitHub asks an integration making many POST,
// PATCH, PUT or DELETE requests to "wait at least one second between each request", and to create
// content (issues, comments) sparingly ("Best practices for using the REST API", "Pause between
// mutative requests"; "Rate limits for the REST API": "no more than 80 content-generating requests
// per minute"). Check runs are mutative requests too, so they stay inside that one-a-second budget:
// what changes is who goes first. Probot's throttling (@octokit/plugin-throttling) keeps one FIFO
// per installation, so a push's check run, what a reviewer waits for, queued behind earlier pushes'
// incident issues and timeline edits (p50 4.9 s in a burst of 7 pushes). Here each slot goes to a
// waiting check run status (in progress, or the result) first, then to any other check run write
// (the leak response's section), and only then to another write. Writes of those two lower lanes
// leave every other slot free, and wait while a scan of the installation is under way whose result
// is yet to be written (`expectResult`), so that the result finds its slot free.
//
// Slots are computed, not measured: the k-th slot of a busy installation is `spacingMs` after the
// one before it, whenever the timer actually fires. Probot's throttling still sits beneath (its
// write limiter waits out any shortfall of a late timer), so the spacing GitHub asks for holds
// either way; this scheduler decides the order in which writes reach it.

/**
 * In the order they get slots: a check run's status (created, in progress, completed with its
 * conclusion), any other check run write (a finished run's output rewritten with the leak
 * response, more annotations), everything else.
 */
export const WRITE_LANES = ['check-run-status', 'check-run', 'other'] as const;
export type WriteLane = (typeof WRITE_LANES)[number];

export interface WriteSchedulerSettings {
  /** Between the starts of any two writes of the installation (1 s, as GitHub asks). */
  spacingMs: number;
  /**
   * Between the starts of two writes of the lower lanes (in progress, output rewrites, issues,
   * comments, timeline edits): at least `spacingMs`; more leaves slots free for results yet to come.
   */
  backgroundSpacingMs: number;
  /**
   * How long an expected result holds the lower lanes at most (a scan that never reports, or reports
   * from another process), and how long any one write of theirs is held however many scans start.
   */
  expectResultMs: number;
  /**
   * Between the starts of two writes that create content people are notified of (an issue, a
   * comment): Probot's throttling holds these 3 s apart, and the slot is not handed out before.
   */
  notifyingSpacingMs: number;
  /** The clock; Date.now by default (tests use fake timers). */
  now?: () => number;
}

export const DEFAULT_WRITE_SPACING: WriteSchedulerSettings = { spacingMs: 1_000, backgroundSpacingMs: 2_000, notifyingSpacingMs: 3_000, expectResultMs: 15_000 };

/** A write to schedule: its lane, what it is (`POST /repos/{owner}/{repo}/check-runs`, never its body), and whether it notifies. */
export interface WriteRequest {
  lane: WriteLane;
  route: string;
  notifies: boolean;
  /** A check run's result (status completed): it ends the oldest expected result's hold. */
  completes?: boolean;
}

/** What a granted slot was: the computed start, for logs and tests. */
export interface WriteSlot extends WriteRequest {
  /** When the slot starts (ms on the scheduler's clock). */
  at: number;
}

interface Waiting extends WriteRequest {
  /** When it was asked for (the scheduler's clock). */
  queuedAt: number;
  start: () => void;
}

/** One installation's write slots: at most one write starts per `spacingMs`, check run results first. */
export class WriteScheduler {
  readonly #settings: WriteSchedulerSettings;
  readonly #now: () => number;
  readonly #lanes = new Map<WriteLane, Waiting[]>(WRITE_LANES.map((lane) => [lane, []]));
  readonly #onSlot: ((slot: WriteSlot) => void) | undefined;
  #lastAt = Number.NEGATIVE_INFINITY;
  #lastBackgroundAt = Number.NEGATIVE_INFINITY;
  #lastNotifyingAt = Number.NEGATIVE_INFINITY;
  /** When each expected result stops holding the lower lanes, oldest first. */
  #expected: number[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(settings: WriteSchedulerSettings = DEFAULT_WRITE_SPACING, onSlot?: (slot: WriteSlot) => void) {
    this.#settings = settings;
    this.#now = settings.now ?? Date.now;
    this.#onSlot = onSlot;
  }

  /** Runs `run` in the next slot its lane gets; its answer (or error) is the caller's. */
  schedule<T>(write: WriteRequest, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#lane(write.lane).push({
        ...write,
        queuedAt: this.#now(),
        start: () => {
          Promise.resolve().then(run).then(resolve, reject);
        },
      });
      this.#pump();
    });
  }

  /**
   * A scan of the installation has started: until a check run result is written (any: results are
   * not told apart) or `expectResultMs` passes, the lower lanes wait, so that the result does not
   * find its slot just taken by an incident write.
   */
  expectResult(): void {
    this.#expected.push(this.#now() + this.#settings.expectResultMs);
    this.#pump();
  }

  /** Writes waiting for a slot, per lane. */
  waiting(): Record<WriteLane, number> {
    return Object.fromEntries(WRITE_LANES.map((lane) => [lane, this.#lane(lane).length])) as Record<WriteLane, number>;
  }

  #lane(lane: WriteLane): Waiting[] {
    const waiting = this.#lanes.get(lane);
    if (waiting === undefined) throw new Error(`no write lane named ${lane}`);
    return waiting;
  }

  /** Hands out every slot that is due now, then sets a timer for the next one. */
  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (;;) {
      const next = this.#next();
      if (next === undefined) return;
      const now = this.#now();
      if (next.at > now) {
        this.#timer = setTimeout(() => this.#pump(), next.at - now);
        // A waiting write must not keep the process alive on its own (a shutdown drains the jobs).
        this.#timer.unref();
        return;
      }
      this.#grant(next);
    }
  }

  /**
   * The write that gets the next slot, and its slot: the first lane with a write waiting has it (a
   * check run result that waits is never passed); within a lane, the write due first, in order of asking.
   */
  #next(): { lane: WriteLane; index: number; at: number } | undefined {
    const now = this.#now();
    this.#expected = this.#expected.filter((until) => until > now);
    const heldUntil = this.#expected.length === 0 ? Number.NEGATIVE_INFINITY : Math.min(...this.#expected);
    for (const lane of WRITE_LANES) {
      let best: { lane: WriteLane; index: number; at: number } | undefined;
      this.#lane(lane).forEach((waiting, index) => {
        // A flood of scans holds a write no longer than expectResultMs after it was asked for.
        const held = lane === 'check-run-status' ? Number.NEGATIVE_INFINITY : Math.min(heldUntil, waiting.queuedAt + this.#settings.expectResultMs);
        const at = Math.max(this.#slotOf(waiting), held);
        if (best === undefined || at < best.at) best = { lane, index, at };
      });
      if (best !== undefined) return best;
    }
    return undefined;
  }

  /**
   * The earliest time both the write was waiting and the spacing allows it. Computed from the
   * previous slots, not from when a timer fired: a late timer does not push every later slot back.
   */
  #slotOf(waiting: Waiting): number {
    const spaced = this.#lastAt + this.#settings.spacingMs;
    const background = waiting.lane === 'check-run-status' ? Number.NEGATIVE_INFINITY : this.#lastBackgroundAt + this.#settings.backgroundSpacingMs;
    const notifying = waiting.notifies ? this.#lastNotifyingAt + this.#settings.notifyingSpacingMs : Number.NEGATIVE_INFINITY;
    return Math.max(waiting.queuedAt, spaced, background, notifying);
  }

  #grant(next: { lane: WriteLane; index: number; at: number }): void {
    const [waiting] = this.#lane(next.lane).splice(next.index, 1);
    if (waiting === undefined) return;
    this.#lastAt = next.at;
    if (waiting.lane !== 'check-run-status') this.#lastBackgroundAt = next.at;
    if (waiting.notifies) this.#lastNotifyingAt = next.at;
    if (waiting.completes === true) this.#expected.shift();
    const { queuedAt: _queuedAt, start, ...request } = waiting;
    this.#onSlot?.({ ...request, at: next.at });
    start();
  }
}
