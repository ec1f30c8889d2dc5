// What the scan worker calls to start a scan's leak response: credentials cut into runs of at most
// CREDENTIALS_PER_RUN, each a flow (one chain per credential and one response report) whose job ids
// come from the scan job's id, so a retried scan adds nothing.
import { credentialJobs, responseReportJobFor, type CredentialJobOptions, type ResponseQueue, type ResponseRequest } from './response-jobs.js';

/** Credentials per response flow: a backfill of a long history can find hundreds, and each response report stays small. */
export const CREDENTIALS_PER_RUN = 100;

export interface ResponseRequests {
  /** Queues the response to a scan's findings. */
  respond: (request: ResponseRequest) => Promise<void>;
  /** Which providers the response covers: their findings get a row in the check run's "Leak response" section. */
  respondsTo: (provider: string) => boolean;
}

export function responseRequests(queue: Pick<ResponseQueue, 'add'>, options: CredentialJobOptions): ResponseRequests {
  return {
    respond: async (request) => {
      for (const [index, chunk] of chunks(credentialJobs(request, options)).entries()) await queue.add(runId(request.scanJobId, index), responseReportJobFor(chunk), chunk);
    },
    respondsTo: options.respondsTo,
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CREDENTIALS_PER_RUN) }, (_, i) => items.slice(i * CREDENTIALS_PER_RUN, (i + 1) * CREDENTIALS_PER_RUN));
}

function runId(scanJobId: string, index: number): string {
  return index === 0 ? scanJobId : `${scanJobId}-${index}`;
}
