// Where the response keeps its answers per credential (fingerprint), shared by every worker: the
// step records, a lock that serialises one credential's steps, and sealed values kept for later
// (a credential waiting for approval, a replacement not yet written to its sink).
import { stepRecordSchema, type ResponseRecords, type StepRecord } from './response-record.js';

export interface ResponseStore {
  records(fingerprint: string): Promise<ResponseRecords>;
  save(fingerprint: string, record: StepRecord): Promise<void>;
  /** Runs `fn` while no other worker runs a step of this credential. */
  lock<T>(fingerprint: string, fn: () => Promise<T>): Promise<T>;
  /** Keeps a sealed value (never a clear secret) under `slot` for `ttlSeconds`. */
  keep(fingerprint: string, slot: string, sealed: string, ttlSeconds: number): Promise<void>;
  kept(fingerprint: string, slot: string): Promise<string | undefined>;
  forget(fingerprint: string, slot: string): Promise<void>;
}

/** Records are JSON in the store; one that no longer parses (an older version's) counts as absent. */
export function parseRecords(fields: Record<string, string>): ResponseRecords {
  const records: ResponseRecords = {};
  for (const text of Object.values(fields)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = stepRecordSchema.safeParse(json);
    if (parsed.success) records[parsed.data.step] = parsed.data;
  }
  return records;
}

/** For the CLI-free tests and single-process use: the same contract in memory. */
export class MemoryResponseStore implements ResponseStore {
  readonly #records = new Map<string, Map<string, string>>();
  readonly #kept = new Map<string, { value: string; until: number }>();
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(private readonly now: () => number = Date.now) {}

  // async, not Promise.resolve(): an invalid record must reject the promise, as in Redis, not throw
  // before the caller holds one (`store.save(...).catch(...)` would miss it).
  async records(fingerprint: string): Promise<ResponseRecords> {
    return parseRecords(Object.fromEntries(this.#records.get(fingerprint) ?? []));
  }

  async save(fingerprint: string, record: StepRecord): Promise<void> {
    const text = JSON.stringify(stepRecordSchema.parse(record));
    const fields = this.#records.get(fingerprint) ?? new Map<string, string>();
    fields.set(record.step, text);
    this.#records.set(fingerprint, fields);
  }

  async lock<T>(fingerprint: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(fingerprint) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    this.#locks.set(fingerprint, run);
    try {
      return await run;
    } finally {
      if (this.#locks.get(fingerprint) === run) this.#locks.delete(fingerprint);
    }
  }

  async keep(fingerprint: string, slot: string, sealed: string, ttlSeconds: number): Promise<void> {
    this.#kept.set(`${fingerprint}:${slot}`, { value: sealed, until: this.now() + ttlSeconds * 1000 });
  }

  async kept(fingerprint: string, slot: string): Promise<string | undefined> {
    const entry = this.#kept.get(`${fingerprint}:${slot}`);
    return entry !== undefined && entry.until > this.now() ? entry.value : undefined;
  }

  async forget(fingerprint: string, slot: string): Promise<void> {
    this.#kept.delete(`${fingerprint}:${slot}`);
  }
}
