// What the scan worker calls to start or refresh a scan's leak response: credentials cut into runs of
// at most CREDENTIALS_PER_RUN, each a flow (one chain per credential and one report job) whose job ids
// come from the scan job's id, so a retried scan adds nothing.
import { credentialJobs, credentialLabel, responseReportJobFor, respondableFindings, type CredentialJobOptions, type ResponseQueue, type ResponseRequest } from './response-jobs.js';

/** Credentials per response flow: a backfill of a long history can find hundreds, and each report job stays small. */
export const CREDENTIALS_PER_RUN = 100;

export interface ResponseRequests {
  /** Queues the response to a scan's findings. */
  respond: (request: ResponseRequest) => Promise<void>;
  /** Queues only the report of an earlier response (a check run written again), from the stored records. */
  refreshResponse: (request: Omit<ResponseRequest, 'settings'>) => Promise<void>;
}

export function responseRequests(queue: Pick<ResponseQueue, 'add' | 'addReport'>, options: CredentialJobOptions): ResponseRequests {
  return {
    respond: async (request) => {
      for (const [index, chunk] of chunks(credentialJobs(request, options)).entries()) await queue.add(runId(request.scanJobId, index), responseReportJobFor(chunk), chunk);
    },
    refreshResponse: async (request) => {
      for (const [index, chunk] of chunks(respondableFindings(request.findings, options.respondsTo)).entries()) {
        await queue.addReport(`refresh-${runId(request.scanJobId, index)}`, {
          installationId: request.installationId,
          source: request.source,
          incidentRepo: request.incidentRepo,
          ...(request.headSha === undefined ? {} : { checkRun: { headSha: request.headSha } }),
          credentials: chunk.map(credentialLabel),
        });
      }
    },
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CREDENTIALS_PER_RUN) }, (_, i) => items.slice(i * CREDENTIALS_PER_RUN, (i + 1) * CREDENTIALS_PER_RUN));
}

function runId(scanJobId: string, index: number): string {
  return index === 0 ? scanJobId : `${scanJobId}-${index}`;
}
