// A CheckRunStore in process memory: for tests and single-process runs. The Redis store
// (src/queue/redis-check-run-store.ts) is the one that survives restarts and spans workers.
import { checkRunRecordSchema, headCommitKey, writtenCheckRunSchema, type CheckRunRecord, type CheckRunStore, type HeadCommit, type WrittenCheckRun } from './check-run-record.js';
import { MemoryLocks } from './memory-lock.js';

export class MemoryCheckRunStore implements CheckRunStore {
  readonly #records = new Map<string, string>();
  readonly #written = new Map<string, WrittenCheckRun>();
  readonly #locks = new MemoryLocks();

  async get(commit: HeadCommit): Promise<CheckRunRecord | undefined> {
    const stored = this.#records.get(headCommitKey(commit));
    return stored === undefined ? undefined : checkRunRecordSchema.parse(JSON.parse(stored));
  }

  async save(commit: HeadCommit, record: CheckRunRecord): Promise<void> {
    this.#records.set(headCommitKey(commit), JSON.stringify(checkRunRecordSchema.parse(record)));
  }

  async written(commit: HeadCommit): Promise<WrittenCheckRun | undefined> {
    return this.#written.get(headCommitKey(commit));
  }

  async markWritten(commit: HeadCommit, written: WrittenCheckRun): Promise<void> {
    this.#written.set(headCommitKey(commit), writtenCheckRunSchema.parse(written));
  }

  async forgetWritten(commit: HeadCommit): Promise<void> {
    this.#written.delete(headCommitKey(commit));
  }

  lock<T>(commit: HeadCommit, fn: () => Promise<T>): Promise<T> {
    return this.#locks.lock(headCommitKey(commit), fn);
  }
}
