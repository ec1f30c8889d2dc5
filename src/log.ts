// The app's structured logs: pino, one event per line, with a child logger per webhook delivery and
// per job. Every logged error (`err`, or an Error passed as the first argument, as Probot and
// @octokit/webhooks do) goes through errorSummary's allow-list: name, message, status, delivery id,
// event name. Redaction is the second line of defence: findings already carry only Secret objects
// (which serialise redacted), and these paths blank out credentials the libraries might attach.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/operator-env.js';
import { errorSummary } from './error-summary.js';

export type { Logger } from 'pino';

/** Log paths that can hold a credential or a whole webhook payload; replaced by '[redacted]'. */
export const REDACTED_PATHS: readonly string[] = [
  'token',
  '*.token',
  'privateKey',
  '*.privateKey',
  'webhookSecret',
  '*.webhookSecret',
  'password',
  '*.password',
  'headers.authorization',
  'headers["x-hub-signature-256"]',
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'request.headers.authorization',
  'err.request.headers.authorization',
  'err.request.body',
  'err.response.headers["x-github-sso"]',
  // @octokit/webhooks attaches the whole event (commit messages included) to handler errors.
  'event.payload',
  'err.event.payload',
  'err.aggregateErrors[*].event.payload',
  'payload',
];

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stdout when absent. Tests pass a stream to inspect every line. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { name: 'leakstop' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: { err: errorSummary },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** The logger for one webhook delivery: every line carries the delivery id and event name. */
export function deliveryLogger(log: Logger, delivery: { id: string; event: string }): Logger {
  return log.child({ deliveryId: delivery.id, event: delivery.event });
}

/** What identifies a queued job in logs. */
export interface JobLogFields {
  jobId: string | undefined;
  kind: string;
  deliveryId: string;
  repository: { owner: string; name: string };
  headSha: string;
}

/** The logger for one job: job id, delivery id, repository and head SHA on every line. */
export function jobLogger(log: Logger, job: JobLogFields): Logger {
  return log.child({
    jobId: job.jobId,
    kind: job.kind,
    deliveryId: job.deliveryId,
    repo: `${job.repository.owner}/${job.repository.name}`,
    headSha: job.headSha,
  });
}
