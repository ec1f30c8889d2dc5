// `leakstop web`, `leakstop worker` and `leakstop start`: runs the GitHub App's processes (see
// process/app-process.ts) until SIGTERM or SIGINT, then drains them and exits 0.
import { parseOperatorEnv, type ProcessRole } from '../config/operator-env.js';
import { createLogger, type Logger } from '../log.js';
import { startAppProcess, SHUTDOWN_GRACE_MS, type AppProcessOptions } from '../process/app-process.js';
import { errorSummary } from '../error-summary.js';
import type { CliIO } from './cli-io.js';

/** What the CLI needs from the process: signals to wait for. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/**
 * The CLI entry: runs the role until SIGTERM or SIGINT, then drains and returns exit code 0.
 * `options` lets tests shorten the queue timings; the CLI passes none.
 */
export async function runAppCommand(role: ProcessRole, io: CliIO, signals: SignalSource = process, options: AppProcessOptions = {}): Promise<number> {
  const log = options.log ?? createLogger({ level: parseOperatorEnv(io.env, role).logLevel });
  // ioredis and BullMQ reject some internal commands with no listener when a connection drops; the
  // connection recovers by itself, so such a rejection is logged rather than allowed to end the process.
  const onUnhandled = (reason: unknown): void => log.error({ err: errorSummary(reason) }, 'unhandled rejection');
  process.on('unhandledRejection', onUnhandled);
  try {
    return await runUntilSignal(role, io, signals, { ...options, log });
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

async function runUntilSignal(role: ProcessRole, io: CliIO, signals: SignalSource, options: AppProcessOptions & { log: Logger }): Promise<number> {
  const { log } = options;
  const running = await startAppProcess(role, io.env, options);
  let stopSignal = (): void => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    const onTerm = (): void => done('SIGTERM');
    const onInt = (): void => done('SIGINT');
    const done = (received: NodeJS.Signals): void => {
      stopSignal();
      resolve(received);
    };
    stopSignal = () => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
    };
    signals.once('SIGTERM', onTerm);
    signals.once('SIGINT', onInt);
  });
  const outcome = await Promise.race([signal, running.failed]);
  stopSignal();
  if (outcome instanceof Error) {
    log.fatal({ err: errorSummary(outcome) }, 'shutting down: a part of leakstop stopped');
    await running.close().catch(() => undefined);
    return 1;
  }
  const graceMs = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  log.info({ signal: outcome, graceMs }, 'shutting down: no new work; running scans get the grace period to finish');
  await running.close();
  log.info('shut down cleanly');
  return 0;
}
