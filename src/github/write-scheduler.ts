// The order of one installation's writes to GitHub. GitHub asks an integration making many POST,
// PATCH, PUT or DELETE requests to "wait at least one second between each request", and to create
// content (issues, comments) sparingly ("Best practices for using the REST API", "Pause between
// mutative requests"; "Rate limits for the REST API": "no more than 80 content-generating requests
// per minute"). Check runs are mutative requests too, so they stay inside that one-a-second budget:
// what changes is who goes first. Probot's throttling (@octokit/plugin-throttling) keeps one FIFO
// per installation, so a push's check run, what a reviewer waits for, queued behind earlier pushes'
// incident issues and timeline edits (p50 4.9 s in a burst of 7 pushes). Here each slot goes to a
// waiting check run first, and only to another write when no check run waits.
//
// Slots are computed, not measured: the k-th slot of a busy installation is `spacingMs` after the
// one before it, whenever the timer actually fires. Probot's throttling still sits beneath (its
// write limiter waits out any shortfall of a late timer), so the spacing GitHub asks for holds
// either way; this scheduler decides the order in which writes reach it.

/** Check runs first; every other write (incident issues, comments, timeline edits) after. */
export type WriteLane = 'check-run' | 'other';

export interface WriteSchedulerSettings {
  /** Between the starts of any two writes of the installation (1 s, as GitHub asks). */
  spacingMs: number;
  /**
   * Between the starts of two writes that create content people are notified of (an issue, a
   * comment): Probot's throttling holds these 3 s apart, and the slot is not handed out before.
   */
  notifyingSpacingMs: number;
  /** The clock; Date.now by default (tests use fake timers). */
  now?: () => number;
}

export const DEFAULT_WRITE_SPACING: WriteSchedulerSettings = { spacingMs: 1_000, notifyingSpacingMs: 3_000 };

/** What a granted slot was: the computed start, for logs and tests. */
export interface WriteSlot {
  lane: WriteLane;
  /** What the write is (`POST /repos/{owner}/{repo}/check-runs`), never its body. */
  route: string;
  notifies: boolean;
  /** When the slot starts (ms on the scheduler's clock). */
  at: number;
}

interface Waiting {
  route: string;
  notifies: boolean;
  /** When it was asked for (the scheduler's clock). */
  queuedAt: number;
  start: () => void;
}

/** One installation's write slots: at most one write starts per `spacingMs`, check runs first. */
export class WriteScheduler {
  readonly #settings: WriteSchedulerSettings;
  readonly #now: () => number;
  readonly #lanes: Record<WriteLane, Waiting[]> = { 'check-run': [], other: [] };
  readonly #onSlot: ((slot: WriteSlot) => void) | undefined;
  #lastAt = Number.NEGATIVE_INFINITY;
  #lastNotifyingAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;

  constructor(settings: WriteSchedulerSettings = DEFAULT_WRITE_SPACING, onSlot?: (slot: WriteSlot) => void) {
    this.#settings = settings;
    this.#now = settings.now ?? Date.now;
    this.#onSlot = onSlot;
  }

  /** Runs `write` in the lane's next slot; its answer (or error) is the caller's. */
  schedule<T>(write: { lane: WriteLane; route: string; notifies: boolean }, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#lanes[write.lane].push({
        route: write.route,
        notifies: write.notifies,
        queuedAt: this.#now(),
        start: () => {
          Promise.resolve().then(run).then(resolve, reject);
        },
      });
      this.#pump();
    });
  }

  /** Writes waiting for a slot, per lane. */
  waiting(): Record<WriteLane, number> {
    return { 'check-run': this.#lanes['check-run'].length, other: this.#lanes.other.length };
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

  /** The write that gets the next slot, and its slot: a check run if one waits, else the other write due first. */
  #next(): { lane: WriteLane; index: number; at: number } | undefined {
    const checkRun = this.#lanes['check-run'][0];
    if (checkRun !== undefined) return { lane: 'check-run', index: 0, at: this.#slotOf(checkRun) };
    let best: { lane: WriteLane; index: number; at: number } | undefined;
    this.#lanes.other.forEach((waiting, index) => {
      const at = this.#slotOf(waiting);
      if (best === undefined || at < best.at) best = { lane: 'other', index, at };
    });
    return best;
  }

  /**
   * The earliest time both the write was waiting and the spacing allows it. Computed from the
   * previous slot, not from when a timer fired: a late timer does not push every later slot back.
   */
  #slotOf(waiting: Waiting): number {
    const spaced = this.#lastAt + this.#settings.spacingMs;
    const notifying = waiting.notifies ? this.#lastNotifyingAt + this.#settings.notifyingSpacingMs : Number.NEGATIVE_INFINITY;
    return Math.max(waiting.queuedAt, spaced, notifying);
  }

  #grant(next: { lane: WriteLane; index: number; at: number }): void {
    const [waiting] = this.#lanes[next.lane].splice(next.index, 1);
    if (waiting === undefined) return;
    this.#lastAt = next.at;
    if (waiting.notifies) this.#lastNotifyingAt = next.at;
    const slot: WriteSlot = { lane: next.lane, route: waiting.route, notifies: waiting.notifies, at: next.at };
    this.#onSlot?.(slot);
    waiting.start();
  }
}
