// What the response job tests share: a leaked classic PAT as the scan hands it to the response, GitHub
// mocked (nock, verified after each test: every mock used, every body one GitHub accepts, no secret
// sent), the stores in memory, and the queue of approved runs recorded.
import { afterEach, beforeEach, expect } from 'vitest';
import { responseSettingsSchema } from '../../src/config/repo-config.schema.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import type { ResponseJobDeps, ResponseQueuedJob } from '../../src/queue/process-response-job.js';
import { credentialJobs, RESPONSE_ATTEMPTS, type CredentialJob, type ResponseReportJob } from '../../src/queue/response-jobs.js';
import type { CheckRunRecord } from '../../src/report/check-run-record.js';
import { incidentKey } from '../../src/report/incident-issue.js';
import { marker, TIMELINE_END, TIMELINE_START } from '../../src/report/incident-markers.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import type { ProviderAdapter } from '../../src/providers/contract.js';
import { loadAdapters, parseOperatorSettings } from '../../src/providers/index.js';

const adapters = await loadAdapters({ env: {} });
const adapterFor = (provider: string): ProviderAdapter | undefined => adapters.get(provider);
import type { StepRecord } from '../../src/respond/response-record.js';
import { MemoryResponseStore } from '../../src/respond/response-store.js';
import { sealKeyFromBytes } from '../../src/respond/seal.js';
import { captureLog, type CapturedLog } from '../e2e/helpers.js';
import { mockGitHub, testOctokit, type GitHubMock } from '../report/github-api-mock.js';

export const NOW = new Date('2026-11-23T12:00:00Z');
const SEAL_KEY = sealKeyFromBytes(Buffer.from('6n1yJq0mXv7Lw3sKp9Rt2Ub5Hc8Df4Ga', 'utf8'));
export const HEAD = '0123456789abcdef0123456789abcdef01234567';
export const SOURCE = { owner: 'octo-org', repo: 'payments' };
export const CENTRAL = { owner: 'octo-org', repo: 'security-incidents' };
export const ISSUE = 7;
export const CHECK_RUN_ID = 77;
export const APP_ID = 4040;
/** The scan job whose result the check run shows. */
export const SCAN_JOB_ID = 'delivery-1-head';
/** How GitHub shows an issue or check run our app made. */
export const BY_OUR_APP = { id: APP_ID, slug: 'leakstop', name: 'leakstop' };
export const ISSUE_PATH = `/repos/${CENTRAL.owner}/${CENTRAL.repo}/issues/${ISSUE}`;
export const CHECK_RUN_PATH = `/repos/${SOURCE.owner}/${SOURCE.repo}/check-runs/${CHECK_RUN_ID}`;
export const SCAN_SUMMARY = '## 1 leaked credential\n\nleakstop found a GitHub personal access token (classic) in `config/deploy.env`.';

export interface AddedRun {
  runId: string;
  report: ResponseReportJob;
  credentials: readonly CredentialJob[];
}

/** A leaked classic PAT as the scan hands it to the response: one credential job, its secret sealed. */
export function patCredential(raw: string, revoke: 'auto' | 'approve' = 'auto', incidentRepo = CENTRAL): CredentialJob {
  const ruleId = 'github-pat-classic';
  const [job] = credentialJobs(
    {
      scanJobId: SCAN_JOB_ID,
      installationId: 42,
      source: SOURCE,
      incidentRepo,
      headSha: HEAD,
      settings: responseSettingsSchema.parse({ revoke }),
      findings: [
        {
          ruleId,
          provider: 'github',
          title: 'GitHub personal access token (classic)',
          severity: 'critical',
          confidence: 'checksum',
          secret: new Secret(raw),
          fingerprint: fingerprint(ruleId, raw),
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 14 + raw.length,
          details: {},
          remediation: 'Revoke it.',
          path: 'config/deploy.env',
          commit: HEAD,
        },
      ],
    },
    { sealKey: SEAL_KEY, operator: { dryRun: false }, respondsTo: () => true },
  );
  return job!;
}

export function queued(name: string, data: unknown, attemptsMade = 0): ResponseQueuedJob {
  return { id: `job-${name}`, name, data, attemptsMade, opts: { attempts: RESPONSE_ATTEMPTS } };
}

export function stepRecord(step: StepRecord['step'], status: StepRecord['status'], second: number, summary = `${step}: ${status}`): StepRecord {
  return { step, status, summary, at: new Date(NOW.getTime() + second * 1000).toISOString(), by: `${SOURCE.owner}/${SOURCE.repo}` };
}

/** An incident issue body as leakstop writes it: identity markers, and a timeline with its first entry. */
export function incidentIssueBody(fp: string): string {
  return [
    'leakstop found a GitHub personal access token (classic) in octo-org/payments.',
    marker('fingerprint', fp),
    marker('repository', 'octo-org/payments'),
    '',
    '### Response timeline',
    '',
    TIMELINE_START,
    `- **2026-11-23T11:59:00Z** · Detected: leakstop found the credential in 1 location. ${marker('timeline-entry', 'detected')}`,
    TIMELINE_END,
    '',
    '### Remediation checklist',
    '',
    '- [ ] **Revoke** the credential',
  ].join('\n');
}

export function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The check run's record as the scan report stores it: the scan's output and the credentials it responds to. */
export function checkRunRecord(credentials: readonly Pick<CredentialJob, 'fingerprint' | 'title' | 'redacted'>[], scanJobId = SCAN_JOB_ID): CheckRunRecord {
  return {
    scanJobId,
    conclusion: 'failure',
    output: { title: '1 leaked credential', summary: SCAN_SUMMARY },
    incidentRepo: CENTRAL,
    credentials: credentials.map(({ fingerprint: fp, title, redacted }) => ({ fingerprint: fp, title, redacted })),
  };
}

export interface CheckRunPatch {
  output: { title: string; summary: string; text?: string };
  actions: unknown[];
}

/** One test's world: GitHub mocked, the stores, a leaked token and its credential job. */
export interface ResponseHarness {
  github: GitHubMock;
  captured: CapturedLog;
  store: MemoryResponseStore;
  incidents: MemoryIncidentStore;
  checkRuns: MemoryCheckRunStore;
  added: AddedRun[];
  deps: ResponseJobDeps;
  raw: string;
  credential: CredentialJob;
  /** The incident issue's body as GitHub holds it: PATCHes change it. */
  issueBody: string;
  issueIsRead(times?: number, madeBy?: typeof BY_OUR_APP | null): void;
  issueIsUpdated(): void;
  /** The check run as GitHub lists it for HEAD: by default the recorded scan's, completed. */
  checkRunIsFound(status: 'completed' | 'in_progress', externalId?: string): void;
  checkRunIsUpdated(times?: number): void;
  checkRunUpdates(): CheckRunPatch[];
  responseReport(overrides?: Partial<ResponseReportJob>): ResponseReportJob;
  knownIncident(): Promise<void>;
  /** The scan report stored HEAD's record, responding to `credentials` (the test's credential by default). */
  scanReported(credentials?: readonly CredentialJob[], scanJobId?: string): Promise<void>;
}

/** Registers beforeEach/afterEach and returns the harness, whose fields are fresh in every test. */
export function useResponseHarness(): ResponseHarness {
  const t = {} as ResponseHarness;
  beforeEach(() => {
    t.github = mockGitHub();
    t.captured = captureLog();
    t.store = new MemoryResponseStore(() => NOW.getTime());
    t.incidents = new MemoryIncidentStore();
    t.checkRuns = new MemoryCheckRunStore();
    t.added = [];
    t.raw = generateGithubStyleToken('ghp_');
    t.credential = patCredential(t.raw);
    t.issueBody = incidentIssueBody(t.credential.fingerprint);
    const octokit = testOctokit();
    t.deps = {
      github: () => Promise.resolve(octokit),
      incidents: t.incidents,
      store: t.store,
      checkRuns: t.checkRuns,
      adapterFor,
      provider: { fetch, settings: parseOperatorSettings({}), now: () => NOW },
      sink: undefined,
      sealKey: SEAL_KEY,
      queue: {
        add: (runId, report, credentials) => {
          t.added.push({ runId, report, credentials });
          return Promise.resolve(true);
        },
      },
      htmlBaseUrl: 'https://github.com',
      appId: APP_ID,
      log: t.captured.log,
    };
  });
  afterEach(() => {
    try {
      // Every request matched a mock, every mock was used, every body is one GitHub accepts, no secret sent.
      t.github.verify([t.raw]);
      expect(t.captured.lines.join('\n')).not.toContain(t.raw);
    } finally {
      t.github.dispose();
    }
  });
  t.issueIsRead = (times = 1, madeBy = BY_OUR_APP) => {
    t.github.scope.get(ISSUE_PATH).times(times).reply(200, () => ({ number: ISSUE, title: 'Leaked GitHub token', body: t.issueBody, performed_via_github_app: madeBy }));
  };
  t.issueIsUpdated = () => {
    t.github.scope.patch(ISSUE_PATH).reply(200, (_uri, body) => {
      t.issueBody = (typeof body === 'string' ? (JSON.parse(body) as { body: string }) : (body as { body: string })).body;
      return { number: ISSUE, body: t.issueBody };
    });
  };
  t.checkRunIsFound = (status, externalId = SCAN_JOB_ID) => {
    t.github.scope
      .get(`/repos/${SOURCE.owner}/${SOURCE.repo}/commits/${HEAD}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: CHECK_RUN_ID, name: 'leakstop', head_sha: HEAD, status, conclusion: status === 'completed' ? 'failure' : null, external_id: externalId, output: { title: '1 leaked credential', summary: SCAN_SUMMARY, text: null } }],
      });
  };
  t.checkRunIsUpdated = (times = 1) => {
    t.github.scope.patch(CHECK_RUN_PATH).times(times).reply(200, { id: CHECK_RUN_ID });
  };
  t.checkRunUpdates = () => t.github.bodies('PATCH', CHECK_RUN_PATH) as CheckRunPatch[];
  t.responseReport = (overrides = {}) => ({
    installationId: 42,
    source: SOURCE,
    incidentRepo: CENTRAL,
    checkRun: { headSha: HEAD },
    credentials: [{ fingerprint: t.credential.fingerprint, title: t.credential.title, redacted: t.credential.redacted }],
    ...overrides,
  });
  t.knownIncident = async () => {
    await t.incidents.set(incidentKey(`${SOURCE.owner}/${SOURCE.repo}`, t.credential.fingerprint), ISSUE);
  };
  t.scanReported = async (credentials = [t.credential], scanJobId = SCAN_JOB_ID) => {
    await t.checkRuns.save({ ...SOURCE, headSha: HEAD }, checkRunRecord(credentials, scanJobId));
  };
  return t;
}
