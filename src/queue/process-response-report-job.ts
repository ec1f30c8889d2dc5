// The response report job: the parent of a response run's chains, run once their steps have
// answered. It adds each answer to its incident issue's timeline, then has the check run written
// again through the one writer (write-check-run.ts), which renders the response from the same step
// records. It waits for the incident issues (the scan report opens them) but never for the check run:
// if the scan has not reported yet, or another scan has the run now, that scan's report writes the
// run from these same records.
import type { Logger } from '../log.js';
import type { InstallationOctokit } from '../github/installation-octokit.js';
import type { CheckRunStore } from '../report/check-run-record.js';
import { incidentKey, type IncidentStore } from '../report/incident-issue.js';
import { markerValues } from '../report/incident-markers.js';
import { appendTimelineEntries } from '../report/incident-timeline.js';
import { timelineEntries } from '../report/response-report.js';
import { writeCheckRun, type CheckRunWritten } from '../report/write-check-run.js';
import type { ResponseStore } from '../respond/response-store.js';
import type { ResponseReportJob } from './response-jobs.js';

export interface ResponseReportJobDeps {
  github: (installationId: number) => Promise<InstallationOctokit>;
  incidents: IncidentStore;
  store: ResponseStore;
  checkRuns: CheckRunStore;
  /** `https://github.com` or a GHE Server's web URL, for incident links in the check run. */
  htmlBaseUrl: string;
  log: Logger;
}

/** An incident issue is not there yet (the scan report opens it, after the scan queued the response): try again shortly. */
export class IncidentNotReadyError extends Error {
  override name = 'IncidentNotReadyError';
}

/** What a finished response report leaves in Redis: counts and what became of the check run. */
export interface ResponseReportOutcome {
  credentials: number;
  timelineEntries: number;
  incidentsMissing: number;
  /** 'none' for a run with no check run (a backfill); else what the writer did, or why it wrote nothing. */
  checkRun: 'none' | Exclude<CheckRunWritten['written'], 'nothing'> | Extract<CheckRunWritten, { written: 'nothing' }>['why'];
}

export async function processResponseReportJob(job: ResponseReportJob, deps: ResponseReportJobDeps, lastAttempt: boolean, jobId: string | undefined): Promise<ResponseReportOutcome> {
  const log = deps.log.child({ jobId, repo: `${job.source.owner}/${job.source.repo}`, step: 'response-report' });
  const incidents = await Promise.all(
    job.credentials.map(async (credential) => {
      const key = incidentKey(`${job.source.owner}/${job.source.repo}`, credential.fingerprint);
      return { credential, key, issueNumber: credential.issueNumber ?? (await deps.incidents.get(key)) };
    }),
  );
  const missing = incidents.filter((incident) => incident.issueNumber === undefined).map((incident) => incident.credential.fingerprint);
  // The scan report opens the issues soon after the scan queued this run.
  if (missing.length > 0 && !lastAttempt) throw new IncidentNotReadyError(`${missing.length} incident issue(s) not opened yet: trying again shortly`);
  const octokit = await deps.github(job.installationId);
  let entries = 0;
  for (const { credential, key, issueNumber } of incidents) {
    if (issueNumber === undefined) continue;
    const records = await deps.store.records(credential.fingerprint);
    // The stored number may be stale (incidents.repository changed): write only into this credential's incident.
    const isIncident = (body: string): boolean => markerValues(body, 'fingerprint')[0] === credential.fingerprint;
    const added = await deps.incidents.lock(key, () => appendTimelineEntries(octokit, { ...job.incidentRepo, issueNumber }, timelineEntries(records), isIncident));
    if (added === 'not-this-incident') log.warn({ issueNumber, fingerprint: credential.fingerprint }, "the stored incident issue is not this credential's; its timeline was not written");
    else entries += added;
  }
  const checkRun = job.checkRun === undefined ? undefined : await writeCheckRun(octokit, { ...deps, responses: deps.store }, { ...job.source, headSha: job.checkRun.headSha });
  const outcome: ResponseReportOutcome = {
    credentials: job.credentials.length,
    timelineEntries: entries,
    incidentsMissing: missing.length,
    checkRun: checkRun === undefined ? 'none' : checkRun.written === 'nothing' ? checkRun.why : checkRun.written,
  };
  if (missing.length > 0) log.warn({ missing }, 'incident issues never appeared; their response is recorded in Redis only');
  log.info(outcome, 'response reported');
  return outcome;
}
