// The entry of the thread that `leakstop start` runs its scan workers on (see worker-thread.ts, the
// main thread's side): a whole `leakstop worker` until the main thread says close.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startAppProcess, type AppProcess } from './app-process.js';
import type { ThreadMessage, WorkerThreadData } from './worker-thread.js';

/** The thread's side: run `leakstop worker` until the main thread says close. */
async function runThread(): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const send = (message: ThreadMessage): void => port.postMessage(message);
  const data = workerData as WorkerThreadData;
  let running: AppProcess;
  try {
    running = await startAppProcess('worker', data.env, { worker: data.worker, ...(data.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: data.shutdownGraceMs }) });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.once('message', () => {
    void running.close().finally(() => {
      send({ type: 'closed' });
      port.close();
    });
  });
  send({ type: 'ready' });
}

if (!isMainThread && parentPort !== null && (workerData as { env?: unknown } | null)?.env !== undefined) void runThread();
