import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WRITE_SPACING, WriteScheduler, type WriteRequest, type WriteSlot } from '../../src/github/write-scheduler.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const CHECK_RUN = { lane: 'check-run-status', route: 'POST /repos/o/r/check-runs', notifies: false, completes: true } as const;
const ISSUE = { lane: 'other', route: 'POST /repos/o/r/issues', notifies: true } as const;
const TIMELINE = { lane: 'other', route: 'PATCH /repos/o/r/issues/1', notifies: false } as const;
const RESPONSE_SECTION = { lane: 'check-run', route: 'PATCH /repos/o/r/check-runs/9', notifies: false } as const;

describe('WriteScheduler', () => {
  let slots: WriteSlot[];
  let started: { name: string; at: number }[];
  let scheduler: WriteScheduler;

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    slots = [];
    started = [];
    scheduler = new WriteScheduler(DEFAULT_WRITE_SPACING, (slot) => slots.push(slot));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function write(name: string, kind: WriteRequest): Promise<string> {
    return scheduler.schedule(kind, () => {
      started.push({ name, at: Date.now() - T0 });
      return Promise.resolve(name);
    });
  }

  it('starts the first write at once and spaces the next a second apart', async () => {
    const first = write('a', CHECK_RUN);
    const second = write('b', CHECK_RUN);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([{ name: 'a', at: 0 }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([
      { name: 'a', at: 0 },
      { name: 'b', at: 1_000 },
    ]);
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
  });

  it('gives every slot to a waiting check run before any other write, whenever each was asked for', async () => {
    // Push 1's check run, then its incident issue and timeline edit; pushes 2..7's check runs come later.
    void write('check 1', CHECK_RUN);
    void write('issue 1', ISSUE);
    void write('timeline 1', TIMELINE);
    for (let k = 2; k <= 7; k++) {
      await vi.advanceTimersByTimeAsync(100);
      void write(`check ${k}`, CHECK_RUN);
      void write(`issue ${k}`, ISSUE);
    }
    await vi.advanceTimersByTimeAsync(30_000);

    const order = started.map((s) => s.name);
    expect(order.slice(0, 7)).toEqual(['check 1', 'check 2', 'check 3', 'check 4', 'check 5', 'check 6', 'check 7']);
    // The k-th check run starts within k seconds of the first.
    const checkSlots = slots.filter((slot) => slot.lane === 'check-run-status').map((slot) => slot.at - T0);
    expect(checkSlots).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000]);
    // Then the other writes, 2 s apart (leaving every other slot to check runs yet to come), issues
    // (content people are notified of) 3 s apart; the timeline edit takes a slot an issue cannot have yet.
    expect(order.slice(7)).toEqual(['issue 1', 'timeline 1', 'issue 2', 'issue 3', 'issue 4', 'issue 5', 'issue 6', 'issue 7']);
    const otherSlots = slots.filter((slot) => slot.lane === 'other').map((slot) => slot.at - T0);
    expect(otherSlots).toEqual([7_000, 9_000, 11_000, 14_000, 17_000, 20_000, 23_000, 26_000]);
  });

  it('lets a check run asked for during a backlog of incident writes start at once, or at the next slot', async () => {
    for (let i = 1; i <= 5; i++) void write(`timeline ${i}`, { ...TIMELINE, route: `PATCH /repos/o/r/issues/${i}` });
    // Timeline edits take every other slot: a check run asked for at 1.5 s finds the slot free.
    await vi.advanceTimersByTimeAsync(1_500);
    void write('check A', CHECK_RUN);
    // One asked for at 2.3 s waits for the slot after check A, and passes the timeline edit due then.
    await vi.advanceTimersByTimeAsync(800);
    void write('check B', CHECK_RUN);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(started).toEqual([
      { name: 'timeline 1', at: 0 },
      { name: 'check A', at: 1_500 },
      { name: 'check B', at: 2_500 },
      { name: 'timeline 2', at: 3_500 },
      { name: 'timeline 3', at: 5_500 },
      { name: 'timeline 4', at: 7_500 },
      { name: 'timeline 5', at: 9_500 },
    ]);
  });

  it("puts a rewrite of a finished run's output after check run results and before incident writes", async () => {
    void write('check 1', CHECK_RUN);
    void write('timeline', TIMELINE);
    void write('response section', RESPONSE_SECTION);
    void write('check 2', CHECK_RUN);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(started).toEqual([
      { name: 'check 1', at: 0 },
      { name: 'check 2', at: 1_000 },
      { name: 'response section', at: 2_000 },
      { name: 'timeline', at: 4_000 },
    ]);
  });

  it('holds incident writes while a scan whose result is to come is under way, until its result is written', async () => {
    void write('timeline 1', TIMELINE);
    await vi.advanceTimersByTimeAsync(0);
    // A scan starts at 0.5 s: the edits after it wait for its result, which is asked for at 2.8 s.
    await vi.advanceTimersByTimeAsync(500);
    scheduler.expectResult();
    void write('timeline 2', TIMELINE);
    await vi.advanceTimersByTimeAsync(2_300);
    void write('check', CHECK_RUN);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(started).toEqual([
      { name: 'timeline 1', at: 0 },
      { name: 'check', at: 2_800 },
      { name: 'timeline 2', at: 3_800 },
    ]);
  });

  it('stops holding incident writes for a result that never comes, after expectResultMs', async () => {
    scheduler.expectResult();
    void write('timeline', TIMELINE);
    await vi.advanceTimersByTimeAsync(20_000);

    expect(started).toEqual([{ name: 'timeline', at: DEFAULT_WRITE_SPACING.expectResultMs }]);
  });

  it('holds an incident write no longer than expectResultMs after it was asked for, however many scans start', async () => {
    void write('timeline', TIMELINE);
    await vi.advanceTimersByTimeAsync(0);
    void write('issue', ISSUE);
    // A scan starts every 5 s and reports from elsewhere: its result is never written here.
    for (let i = 0; i < 6; i++) {
      scheduler.expectResult();
      await vi.advanceTimersByTimeAsync(5_000);
    }

    expect(started).toEqual([
      { name: 'timeline', at: 0 },
      { name: 'issue', at: DEFAULT_WRITE_SPACING.expectResultMs },
    ]);
  });

  it('computes a slot from the one before it, so a late timer does not push every later slot back', async () => {
    void write('a', CHECK_RUN);
    void write('b', CHECK_RUN);
    void write('c', CHECK_RUN);
    await vi.advanceTimersByTimeAsync(0);
    // The event loop was blocked for 1.5 s: b's timer fires at 2.5 s instead of 1 s, and c is due by then.
    vi.setSystemTime(T0 + 1_500);
    await vi.advanceTimersByTimeAsync(1_000);

    expect(Date.now() - T0).toBe(2_500);
    expect(slots.map((slot) => slot.at - T0)).toEqual([0, 1_000, 2_000]);
  });

  it("passes a write's failure to its caller and goes on with the next", async () => {
    const failing = scheduler.schedule(CHECK_RUN, () => Promise.reject(new Error('GitHub answered 422')));
    const next = write('next', CHECK_RUN);
    await expect(failing).rejects.toThrow('GitHub answered 422');
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(next).resolves.toBe('next');
  });

  it('counts what waits, per lane', () => {
    void write('a', CHECK_RUN);
    void write('b', CHECK_RUN);
    void write('c', ISSUE);
    expect(scheduler.waiting()).toEqual({ 'check-run-status': 1, 'check-run': 0, other: 1 });
  });
});
