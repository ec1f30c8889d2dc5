// The one writer of a completed `leakstop` check run. Every write, whoever asks for it (a scan's
// report, a leak response's report), holds the head SHA's lock, loads the stored records (the scan's
// part from the check run record, each credential's step records and incident issue) and writes the
// whole run from them: nothing is read back out of what GitHub shows. So the last write always shows
// everything stored before it, in whatever order the scan and its response finish.
import { createHash } from 'node:crypto';
import type { GitHubClient } from '../github/client.js';
import type { ResponseStore } from '../respond/response-store.js';
import { CHECK_RUN_LIMITS, type CheckRunAnnotation } from './check-run-payload.js';
import type { CheckRunRecord, CheckRunStore, HeadCommit } from './check-run-record.js';
import { appendMissingAnnotations, completeCheckRun, completedBy, createCompletedCheckRun, findCheckRun, getCheckRun, showsContent, updateCheckRunOutput, type CheckRunContent } from './check-run.js';
import { incidentKey, type IncidentStore } from './incident-issue.js';
import { awaitsApproval, REVOKE_ACTION, responseSection, summaryWithSection, type CredentialResponse } from './response-report.js';

export interface CheckRunWriterDeps {
  checkRuns: CheckRunStore;
  incidents: Pick<IncidentStore, 'get'>;
  /** The leak response's step records; absent when the response is off (records then name no credential). */
  responses?: Pick<ResponseStore, 'records'> | undefined;
  /** `https://github.com` or a GHE Server's web URL, for incident links. */
  htmlBaseUrl: string;
}

/** What a scan's report adds to a write: its record (replacing the SHA's), annotations and timing. */
export interface ScanWrite {
  record: CheckRunRecord;
  annotations: readonly CheckRunAnnotation[];
  startedAt: Date;
  /** The in-progress run a slow scan started, to complete; absent: found by SHA, or created. */
  checkRunId?: number | undefined;
}

export type CheckRunWritten =
  /** 'unchanged': the run already shows exactly this (this job ran before, and was killed after its write). */
  | { written: 'created' | 'completed' | 'updated' | 'unchanged'; checkRunId: number; approvable: boolean }
  /**
   * Nothing written, and nothing to wait for: no scan has reported on the SHA yet, or its run is gone,
   * or another scan has the run now (in progress, or failed). That scan's report writes the run from
   * the same records, this response's included.
   */
  | { written: 'nothing'; why: 'no-scan-reported' | 'no-check-run' | 'another-scan' };

/**
 * Writes the check run of `commit` from the stored records. With `scan` (the scan's report), its
 * record is stored first and the run is completed or created with its annotations; without (a leak
 * response's report), the run is rewritten only while it shows the recorded scan's result.
 */
export async function writeCheckRun(octokit: GitHubClient, deps: CheckRunWriterDeps, commit: HeadCommit, scan?: ScanWrite): Promise<CheckRunWritten> {
  return deps.checkRuns.lock(commit, async () => {
    if (scan !== undefined) await deps.checkRuns.save(commit, scan.record);
    const record = scan?.record ?? (await deps.checkRuns.get(commit));
    if (record === undefined) return { written: 'nothing', why: 'no-scan-reported' };
    const content = checkRunContent(record, await credentialResponses(record, deps, commit), scan?.annotations ?? []);
    const approvable = content.actions.length > 0;
    const { owner, repo, headSha } = commit;
    const digest = contentDigest(record.scanJobId, content);
    const unchanged = async (checkRunId: number): Promise<boolean> => {
      const last = await deps.checkRuns.written(commit);
      return last?.checkRunId === checkRunId && last.digest === digest;
    };
    const written = async (result: CheckRunWritten & { checkRunId: number }): Promise<CheckRunWritten> => {
      await deps.checkRuns.markWritten(commit, { checkRunId: result.checkRunId, digest });
      return result;
    };
    if (scan !== undefined) {
      const found = scan.checkRunId === undefined ? await findCheckRun(octokit, owner, repo, headSha) : undefined;
      const checkRunId = scan.checkRunId ?? found?.id;
      if (checkRunId === undefined) return written({ written: 'created', checkRunId: await createCompletedCheckRun(octokit, { owner, repo, headSha, externalId: record.scanJobId, startedAt: scan.startedAt, content }), approvable });
      if (await unchanged(checkRunId)) return { written: 'unchanged', checkRunId, approvable };
      // No mark, or another content's (a Redis that lost its last second to a kill, a response that
      // moved on): GitHub, the source of truth, says whether this scan completed the run already.
      // Then it is not completed again: only what it shows is brought up to date, and the
      // annotations it lacks are sent.
      const shown = found ?? (await getCheckRun(octokit, owner, repo, checkRunId));
      if (completedBy(shown, record.scanJobId, content)) {
        const same = showsContent(shown, record.scanJobId, content);
        if (!same) await updateCheckRunOutput(octokit, { owner, repo, checkRunId, output: content.output, actions: content.actions });
        await appendMissingAnnotations(octokit, { owner, repo, checkRunId, content });
        return written({ written: same ? 'unchanged' : 'updated', checkRunId, approvable });
      }
      await completeCheckRun(octokit, { owner, repo, checkRunId, externalId: record.scanJobId, content });
      return written({ written: 'completed', checkRunId, approvable });
    }
    const run = await findCheckRun(octokit, owner, repo, headSha);
    if (run === undefined) return { written: 'nothing', why: 'no-check-run' };
    // A later scan's in-progress run, or a failed one: that scan writes the run when it reports.
    if (run.status !== 'completed' || run.externalId !== record.scanJobId) return { written: 'nothing', why: 'another-scan' };
    if (await unchanged(run.id)) return { written: 'unchanged', checkRunId: run.id, approvable };
    if (showsContent(run, record.scanJobId, content)) return written({ written: 'unchanged', checkRunId: run.id, approvable });
    await updateCheckRunOutput(octokit, { owner, repo, checkRunId: run.id, output: content.output, actions: content.actions });
    return written({ written: 'updated', checkRunId: run.id, approvable });
  });
}

/**
 * What a completed run shows, as one digest: the scan it is of, its conclusion, output and buttons.
 * Annotations are left out: the mark is set only once all of them are sent, and a write that
 * completes a run sends only those it lacks.
 */
function contentDigest(scanJobId: string, content: CheckRunContent): string {
  const shown = [scanJobId, content.conclusion, content.output.title, content.output.summary, content.output.text ?? '', JSON.stringify(content.actions)];
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

/** Each recorded credential with its step records and, once it has one, its incident issue's link. */
async function credentialResponses(record: CheckRunRecord, deps: CheckRunWriterDeps, commit: HeadCommit): Promise<CredentialResponse[]> {
  const { responses } = deps;
  if (responses === undefined) return [];
  const source = `${commit.owner}/${commit.repo}`;
  return Promise.all(
    record.credentials.map(async (credential): Promise<CredentialResponse> => {
      const [records, issueNumber] = await Promise.all([responses.records(credential.fingerprint), deps.incidents.get(incidentKey(source, credential.fingerprint))]);
      const issueUrl = issueNumber === undefined ? undefined : `${deps.htmlBaseUrl}/${record.incidentRepo.owner}/${record.incidentRepo.repo}/issues/${issueNumber}`;
      return { ...credential, records, ...(issueUrl === undefined ? {} : { issueUrl }) };
    }),
  );
}

/** The whole run: the scan's output with the response section, and "Revoke now" only while a credential awaits approval. */
function checkRunContent(record: CheckRunRecord, credentials: readonly CredentialResponse[], annotations: readonly CheckRunAnnotation[]): CheckRunContent {
  const { title, summary, text } = record.output;
  const output = {
    title,
    summary: credentials.length === 0 ? summary : summaryWithSection(summary, responseSection(credentials), CHECK_RUN_LIMITS.outputText),
    ...(text === undefined ? {} : { text }),
  };
  return { conclusion: record.conclusion, output, actions: credentials.some((c) => awaitsApproval(c.records)) ? [{ ...REVOKE_ACTION }] : [], annotations };
}
