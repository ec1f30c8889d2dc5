// `leakstop start` runs its scan workers on this worker thread, so that scanning (CPU-bound on a large
// push) never delays the web server's answers to GitHub on the main thread. The thread is a whole
// `leakstop worker`: its own Redis connections, Probot auth and logger; it talks to the main
// thread only to say it is ready (or why it is not) and to be told to drain.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { packageFile } from '../package-root.js';
import type { ScanWorkerSettings } from '../queue/worker.js';

/** What the main thread hands over: the operator environment and the worker timings. */
export interface WorkerThreadData {
  env: Record<string, string>;
  worker: Partial<ScanWorkerSettings>;
  shutdownGraceMs?: number;
}

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('closed') }),
]);

export type ThreadMessage = z.infer<typeof messageSchema>;

export interface WorkerThread {
  /** Drains the thread's workers (running jobs get the grace period) and ends the thread. */
  close(): Promise<void>;
  /** Ends the thread at once (the shutdown's deadline passed). */
  terminate(): Promise<void>;
  /** Settles if the thread stops without being asked to: the process should then exit non-zero. */
  failed: Promise<Error>;
}

/** tsc's output of the thread's entry module, also when the CLI runs from the bundle (dist/leakstop.js). */
const ENTRY = packageFile('dist/process/worker-thread-main.js');

/** Only in the compiled build: under the test runner the TypeScript sources cannot start a thread. */
export function workerThreadAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(ENTRY));
}

/** Starts the thread and resolves once its workers take jobs; rejects with the thread's reason otherwise. */
export async function startWorkerThread(data: WorkerThreadData): Promise<WorkerThread> {
  const thread = new Worker(ENTRY, { workerData: data });
  let closing = false;
  let closed = (): void => {};
  const whenClosed = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const failed = new Promise<Error>((resolve) => {
    thread.on('exit', (code) => {
      closed();
      if (!closing) resolve(new Error(`the scan worker thread stopped unexpectedly (exit code ${code})`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (raw: unknown): void => {
      const message = messageSchema.parse(raw);
      thread.off('message', onMessage);
      if (message.type === 'ready') resolve();
      else reject(new Error(message.type === 'failed' ? message.message : 'the scan worker thread closed before it started'));
    };
    thread.on('message', onMessage);
    thread.once('error', reject);
    void failed.then(reject);
  });
  return {
    failed,
    close: async () => {
      closing = true;
      // 'closed' says the drain is over; a job cut off at the grace may still hold a socket, which
      // would keep the thread (and the process) alive, so the thread is then ended.
      const drained = new Promise<void>((resolve) => {
        thread.on('message', (raw: unknown) => {
          if (messageSchema.safeParse(raw).data?.type === 'closed') resolve();
        });
      });
      thread.postMessage('close');
      await Promise.race([drained, whenClosed]);
      await thread.terminate();
    },
    terminate: async () => {
      closing = true;
      await thread.terminate();
    },
  };
}
