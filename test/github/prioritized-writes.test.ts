// Probot's octokit as the app builds it (src/process/app-process.ts: `Octokit: prioritizedOctokit(...)`),
// against a local fake GitHub that records every request in arrival order, with Probot's throttling
// and retries on. A burst of 7 scan reports of one installation, each with a leaked token: every
// check run reaches GitHub before any incident write, and the k-th check run's slot is within k s.
import { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine } from '../../src/detect/engine.js';
import { classifyWrite, InstallationWrites, prioritizedOctokit } from '../../src/github/prioritized-writes.js';
import type { WriteSlot } from '../../src/github/write-scheduler.js';
import { allProviders } from '../../src/providers/index.js';
import { reportScan, type ScanReportJobDeps } from '../../src/queue/process-scan-report-job.js';
import { reportedResult, type ScanReportJob } from '../../src/queue/scan-report-job.js';
import { MemoryCheckRunStore } from '../../src/report/memory-check-run-store.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import type { ScanResult } from '../../src/scan/result.js';
import { captureLog, waitFor } from '../e2e/helpers.js';
import { startFakeGitHub, type FakeGitHub, type FakeRequest } from '../queue/fake-github-server.js';
import { OWNER, pushJobOf, REPO } from '../queue/push-job.js';
import { testPrivateKey } from '../webhooks/helpers.js';

describe('classifyWrite', () => {
  it('puts check run status writes first, output rewrites second and every other repository write last', () => {
    expect(classifyWrite('POST', '/repos/{owner}/{repo}/check-runs', { status: 'completed', conclusion: 'failure' })).toEqual({ lane: 'check-run-status', route: 'POST /repos/{owner}/{repo}/check-runs', notifies: false, completes: true });
    expect(classifyWrite('PATCH', 'https://ghe.example.test/api/v3/repos/o/r/check-runs/7', { status: 'completed' })).toMatchObject({ lane: 'check-run-status', completes: true });
    // Shown in progress while a slow scan runs, or created without a status (queued): a status, not a result.
    expect(classifyWrite('POST', '/repos/{owner}/{repo}/check-runs', { status: 'in_progress' })).toEqual({ lane: 'check-run-status', route: 'POST /repos/{owner}/{repo}/check-runs', notifies: false });
    expect(classifyWrite('POST', '/repos/{owner}/{repo}/check-runs')?.lane).toBe('check-run-status');
    // The leak response's section, or more annotations, on a run that shows its result already.
    expect(classifyWrite('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', { output: {}, actions: [] })).toEqual({ lane: 'check-run', route: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', notifies: false });
    expect(classifyWrite('POST', '/repos/{owner}/{repo}/issues')).toEqual({ lane: 'other', route: 'POST /repos/{owner}/{repo}/issues', notifies: true });
    expect(classifyWrite('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toMatchObject({ lane: 'other', notifies: true });
    expect(classifyWrite('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}')).toMatchObject({ lane: 'other', notifies: false });
    expect(classifyWrite('PUT', '/repos/{owner}/{repo}/actions/secrets/{secret_name}')).toMatchObject({ lane: 'other', notifies: false });
  });

  it('leaves reads, tokens and app settings to Probot alone', () => {
    expect(classifyWrite('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}')).toBeUndefined();
    expect(classifyWrite('HEAD', '/repos/o/r')).toBeUndefined();
    expect(classifyWrite('POST', '/app/installations/{installation_id}/access_tokens')).toBeUndefined();
    expect(classifyWrite('POST', '/app/hook/deliveries/{delivery_id}/attempts')).toBeUndefined();
  });
});

const INSTALLATION = 5;
const BURST = 7;
/** Scans of a burst finish at different times (a worker runs a few at once): one every 250 ms. */
const STAGGER_MS = 250;

function leakedScan(head: string): ScanReportJob {
  const text = `GITHUB_TOKEN=${generateGithubStyleToken('ghp_')}\n`;
  const findings = createEngine({ providers: allProviders })
    .scanText(text)
    .findings.map((finding) => ({ ...finding, path: 'config/deploy.env', commit: head }));
  const result: ScanResult = { target: 'octo-org/payments push', root: '', findings, stats: { filesScanned: 1, bytesScanned: text.length, baselined: 0, allowedInline: 0, skipped: [], durationMs: 3 } };
  const scan = pushJobOf(`d-${head.slice(0, 6)}`, head, 'c'.repeat(40));
  return { scan, scanJobId: `d-${head}`, startedAt: new Date().toISOString(), incidents: { assignees: [], labels: [] }, result: reportedResult(result) };
}

const isCheckRunWrite = (r: FakeRequest): boolean => (r.method === 'POST' && /\/check-runs$/.test(r.path)) || (r.method === 'PATCH' && /\/check-runs\/\d+$/.test(r.path));
const isIncidentWrite = (r: FakeRequest): boolean => r.method !== 'GET' && /\/issues(\/|$)/.test(r.path);

describe('a burst of scan reports from one installation, through the app\'s octokit', () => {
  let github: FakeGitHub;
  let slots: WriteSlot[];
  let deps: ScanReportJobDeps;

  beforeEach(async () => {
    github = await startFakeGitHub();
    slots = [];
    const writes = new InstallationWrites(undefined, (_installation, slot) => slots.push(slot));
    const { log } = captureLog();
    const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), secret: 'unused', baseUrl: `http://${github.host}/api/v3`, log, Octokit: prioritizedOctokit(writes) });
    // A running app has its installation token already: fetching it must not hold the burst back.
    await (await probot.auth(INSTALLATION)).request('GET /repos/{owner}/{repo}/issues', { owner: OWNER, repo: REPO });
    deps = {
      github: (installationId) => probot.auth(installationId),
      incidents: new MemoryIncidentStore(),
      checkRuns: new MemoryCheckRunStore(),
      endpoints: { apiBaseUrl: `http://${github.host}/api/v3`, gitBaseUrl: `http://${github.host}`, htmlBaseUrl: `http://${github.host}` },
      log,
    };
  });
  afterEach(async () => {
    await github.close();
  });

  it('writes every check run before any incident issue, the k-th within k seconds', { timeout: 30_000 }, async () => {
    const reports: Promise<unknown>[] = [];
    for (let k = 1; k <= BURST; k++) {
      const head = k.toString(16).padStart(2, '0').repeat(20);
      // The fake GitHub goes away mid-way through the burst's incident writes: those fail, unobserved.
      reports.push(reportScan(leakedScan(head), deps, deps.log).catch(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, STAGGER_MS));
    }
    // Wait for the first incident write only: the burst's issues go on 3 s apart for 20 s more.
    await waitFor('the first incident write', async () => (github.requests.some(isIncidentWrite) ? true : undefined), 20_000);

    const writes = github.requests.filter((r) => isCheckRunWrite(r) || isIncidentWrite(r));
    const firstIncident = writes.findIndex(isIncidentWrite);
    expect(writes.slice(0, firstIncident).map((r) => `${r.method} ${r.path.replace(/\/\d+$/, '/{id}')}`)).toEqual(Array(BURST).fill('POST /repos/octo-org/payments/check-runs'));
    expect(github.checkRuns).toHaveLength(BURST);
    // Slots as the scheduler computed them (not as a loaded machine's timers fired): a second apart.
    const checkRunSlots = slots.filter((slot) => slot.lane === 'check-run-status').map((slot) => slot.at);
    expect(checkRunSlots).toHaveLength(BURST);
    checkRunSlots.forEach((at, k) => expect(at - checkRunSlots[0]!).toBeLessThanOrEqual(k * 1_000));
    expect(slots.find((slot) => slot.lane === 'other')!.at).toBeGreaterThan(checkRunSlots.at(-1)!);
    expect(github.unmatched).toEqual([]);
    void reports;
  });
});
