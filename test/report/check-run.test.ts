import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../src/detect/finding.js';
import {
  annotationBatches,
  CHECK_RUN_LIMITS,
  completedOutput,
  failedOutput,
  findingAnnotation,
  findingAnnotations,
  MAX_ANNOTATIONS,
  scanCheckRun,
} from '../../src/report/check-run-payload.js';
import { completeCheckRun, createCompletedCheckRun, failCheckRun, startCheckRun, updateCheckRunOutput, type CheckRunContent } from '../../src/report/check-run.js';
import type { ScanResult } from '../../src/scan/result.js';
import { mockGitHub, testOctokit, type GitHubMock } from './github-api-mock.js';
import { awsFinding, cleanResult, expectNoRawSecret, githubFinding, makeFinding, RAW_SECRETS, ROOT, sampleResult } from './sample-result.js';

const OWNER = 'acme';
const REPO = 'app';
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
const RUNS = `/repos/${OWNER}/${REPO}/check-runs`;

/** A scan's run as the writer renders it, with no response section and no button. */
function content(result: ScanResult, configProblem?: string): CheckRunContent {
  return { ...scanCheckRun(result, configProblem), actions: [] };
}

/** `count` findings of distinct made-up tokens, one per line of one file, and their raw values. */
function manyFindings(count: number): { result: ScanResult; raws: string[] } {
  const raws: string[] = [];
  const findings: LocatedFinding[] = [];
  for (let i = 0; i < count; i++) {
    const raw = `ghp_${String(i).padStart(4, '0')}Zq8XvN3kLw2Rt6Yb9Hc4Jd7Mf1Gp5S`;
    raws.push(raw);
    findings.push(
      makeFinding({
        ruleId: 'github-pat-classic',
        provider: 'github',
        title: 'GitHub personal access token (classic)',
        severity: 'critical',
        confidence: 'checksum',
        raw,
        path: `${ROOT}/config/tokens.env`,
        line: i + 1,
        column: 7,
        remediation: 'Revoke it at https://github.com/settings/tokens.',
        git: { commit: HEAD_SHA, author: 'Jane Doe', authorEmail: 'jane@example.com', date: '2024-05-01T10:20:30Z' },
      }),
    );
  }
  return { result: sampleResult({ findings }), raws };
}

describe('check run payload', () => {
  it("names a custom rule's finding by the rule in its annotation, not by the provider id `custom`", () => {
    const custom = { ...githubFinding, ruleId: 'acme-api-key', provider: 'custom', title: 'Acme API key' };
    expect(findingAnnotation(custom, ROOT).message.split('\n')[0]).toBe(`${custom.severity.toUpperCase()}: Acme API key (a custom rule (Acme API key), rule acme-api-key)`);
    expect(findingAnnotation(githubFinding, ROOT).message.split('\n')[0]).toContain(`(github, rule ${githubFinding.ruleId})`);
  });

  it('annotates the secret on its line, with columns only when it is on one line', () => {
    const annotation = findingAnnotation(githubFinding, ROOT);
    expect(annotation).toMatchObject({
      path: 'src/config.ts',
      start_line: 12,
      end_line: 12,
      start_column: 18,
      end_column: 18 + RAW_SECRETS.github.length - 1,
      annotation_level: 'failure',
      title: 'GitHub personal access token (classic)',
    });
    const multiline = findingAnnotation({ ...githubFinding, endLine: 14, endColumn: 3 }, ROOT);
    expect(multiline).not.toHaveProperty('start_column');
    expect(multiline).not.toHaveProperty('end_column');
    expect(multiline.end_line).toBe(14);
  });

  it('says in the message which provider, which redacted secret, fingerprint, commit and what to do', () => {
    const { message } = findingAnnotation(awsFinding, ROOT);
    expect(message).toContain('aws');
    expect(message).toContain(awsFinding.secret.redacted);
    expect(message).toContain(awsFinding.fingerprint);
    expect(message).toContain('abc1234 by Jane Doe');
    expect(message).toContain('Deactivate the key in the IAM console');
    expectNoRawSecret(message);
  });

  it("cuts the title and message to the API's limits", () => {
    const long = { ...githubFinding, title: 'T'.repeat(400), remediation: 'é'.repeat(70_000) };
    const annotation = findingAnnotation(long, ROOT);
    expect(annotation.title.length).toBeLessThanOrEqual(CHECK_RUN_LIMITS.annotationTitle);
    expect(Buffer.byteLength(annotation.message, 'utf8')).toBeLessThanOrEqual(CHECK_RUN_LIMITS.annotationMessageBytes);
    expect(annotation.message.endsWith('…')).toBe(true);
  });

  it('groups annotations 50 at a time and caps their number', () => {
    expect(annotationBatches(findingAnnotations(manyFindings(120).result)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(findingAnnotations(manyFindings(MAX_ANNOTATIONS + 5).result)).toHaveLength(MAX_ANNOTATIONS);
  });

  it('summarises counts by severity and provider, coverage and skipped files', () => {
    const output = completedOutput(sampleResult());
    expect(output.title).toBe('3 leaked credentials found');
    expect(output.summary).toContain('| critical | 2 |');
    expect(output.summary).toContain('| low | 1 |');
    expect(output.summary).toContain('| `aws` | 1 |');
    expect(output.summary).toContain('Scanned 14 commits, 120 files (1.2 MB)');
    expect(output.summary).toContain('Skipped 3 files: 2 binary, 1 too large.');
    expect(output.summary).toContain('Not reported: 1 in the baseline, 2 allowed inline');
    expect(output.text).toContain('`deploy/my settings.env:3`');
    expectNoRawSecret(JSON.stringify(output));
  });

  it('keeps the findings table within the text limit and counts the rest', () => {
    const { result } = manyFindings(1_500);
    const { text } = completedOutput(result);
    expect(text?.length).toBeLessThanOrEqual(CHECK_RUN_LIMITS.outputText);
    expect(text).toMatch(/… and 1300 more findings\.$/);
  });

  it('explains a scan that could not complete and what to do', () => {
    const output = failedOutput('GitHub answered 502 three times');
    expect(output.summary).toContain('could not finish');
    expect(output.summary).toContain('GitHub answered 502 three times');
    expect(output.summary).toContain('Re-run');
  });
});

describe('check run requests', () => {
  let github: GitHubMock;
  let secrets: string[];
  const octokit = testOctokit();

  beforeEach(() => {
    github = mockGitHub();
    secrets = Object.values(RAW_SECRETS);
  });

  afterEach(() => {
    try {
      github.verify(secrets);
    } finally {
      github.dispose();
    }
  });

  function noExistingRun(): void {
    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query({ check_name: 'leakstop', filter: 'latest', per_page: '100' })
      .reply(200, { total_count: 0, check_runs: [] });
  }

  function noAnnotationsYet(checkRunId: number): void {
    github.scope.get(`${RUNS}/${checkRunId}/annotations`).query({ per_page: '100', page: '1' }).reply(200, []);
  }

  it('creates an in-progress leakstop run for the head SHA', async () => {
    noExistingRun();
    github.scope.post(RUNS).reply(201, { id: 42 });
    await expect(startCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'delivery-1' })).resolves.toBe(42);
    expect(github.bodies('POST', RUNS)[0]).toMatchObject({ name: 'leakstop', head_sha: HEAD_SHA, status: 'in_progress', external_id: 'delivery-1' });
  });

  it('reuses the leakstop run that already exists for the SHA instead of creating a second', async () => {
    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 7, name: 'leakstop', status: 'completed', external_id: 'delivery-0' }] });
    github.scope.patch(`${RUNS}/7`).reply(200, { id: 7 });
    await expect(startCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'delivery-1' })).resolves.toBe(7);
    expect(github.bodies('PATCH', `${RUNS}/7`)[0]).toMatchObject({ status: 'in_progress', external_id: 'delivery-1' });
  });

  it('leaves a run that this job already started as it is', async () => {
    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 7, name: 'leakstop', status: 'in_progress', external_id: 'delivery-1' }] });
    await expect(startCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'delivery-1' })).resolves.toBe(7);
  });

  it('leaves a run this job completed already as it is (the job ran again after queueing its report)', async () => {
    github.scope
      .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 7, name: 'leakstop', status: 'completed', external_id: 'delivery-1' }] });
    await expect(startCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'delivery-1' })).resolves.toBe(7);
  });

  it('sends 120 annotations in 3 requests of at most 50, the conclusion with the first', async () => {
    const { result, raws } = manyFindings(120);
    secrets = [...secrets, ...raws];
    noAnnotationsYet(9);
    github.scope.patch(`${RUNS}/9`).times(3).reply(200, { id: 9 });
    await completeCheckRun(octokit, { owner: OWNER, repo: REPO, checkRunId: 9, externalId: 'delivery-2', content: content(result), detailsUrl: 'https://leakstop.example/runs/9' });
    const patches = github.bodies('PATCH', `${RUNS}/9`) as { conclusion?: string; details_url?: string; output: { summary: string; annotations?: unknown[] } }[];
    expect(patches.map((p) => p.output.annotations?.length)).toEqual([50, 50, 20]);
    expect(patches.map((p) => p.conclusion)).toEqual(['failure', undefined, undefined]);
    expect(patches[0]?.details_url).toBe('https://leakstop.example/runs/9');
    // The run now names the scan it shows; the buttons are replaced (none), annotations only appended.
    expect(patches[0]).toMatchObject({ external_id: 'delivery-2', actions: [] });
    expect(patches.every((p) => p.output.summary.includes('120 leaked credentials found'))).toBe(true);
  });

  it('creates a quick scan\'s run already completed, the conclusion and first 50 annotations in one request', async () => {
    const { result, raws } = manyFindings(120);
    secrets = [...secrets, ...raws];
    github.scope.post(RUNS).reply(201, { id: 11 });
    github.scope.patch(`${RUNS}/11`).times(2).reply(200, { id: 11 });
    const startedAt = new Date('2026-11-23T10:00:00Z');
    await expect(createCompletedCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'delivery-2', startedAt, content: content(result) })).resolves.toBe(11);
    const [created] = github.bodies('POST', RUNS) as { status: string; conclusion: string; started_at: string; output: { annotations: unknown[] } }[];
    expect(created).toMatchObject({ name: 'leakstop', head_sha: HEAD_SHA, external_id: 'delivery-2', status: 'completed', conclusion: 'failure', started_at: startedAt.toISOString() });
    expect(created?.output.annotations).toHaveLength(50);
    const patches = github.bodies('PATCH', `${RUNS}/11`) as { conclusion?: string; output: { annotations: unknown[] } }[];
    expect(patches.map((p) => [p.conclusion, p.output.annotations.length])).toEqual([[undefined, 50], [undefined, 20]]);
  });

  it('rewrites a completed run\'s output and buttons, leaving its conclusion and annotations alone', async () => {
    github.scope.patch(`${RUNS}/7`).reply(200, { id: 7 });
    await updateCheckRunOutput(octokit, { owner: OWNER, repo: REPO, checkRunId: 7, output: { title: 't', summary: 's' }, actions: [] });
    expect(github.bodies('PATCH', `${RUNS}/7`)).toEqual([{ output: { title: 't', summary: 's' }, actions: [] }]);
  });

  it('completes a clean scan as success, without annotations', async () => {
    noAnnotationsYet(9);
    github.scope.patch(`${RUNS}/9`).reply(200, { id: 9 });
    await completeCheckRun(octokit, { owner: OWNER, repo: REPO, checkRunId: 9, externalId: 'd', content: content(cleanResult()) });
    const [patch] = github.bodies('PATCH', `${RUNS}/9`) as { conclusion: string; status: string; output: { title: string; annotations?: unknown } }[];
    expect(patch).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'No leaked credentials found' } });
    expect(patch?.output.annotations).toBeUndefined();
  });

  it('shows a config problem in the summary, and the scan result still decides the conclusion', async () => {
    noAnnotationsYet(9);
    github.scope.patch(`${RUNS}/9`).reply(200, { id: 9 });
    const configProblem = ".github/leakstop.yml is not a valid leakstop config:\n  - unknown key 'rules.disabel'";
    await completeCheckRun(octokit, { owner: OWNER, repo: REPO, checkRunId: 9, externalId: 'd', content: content(cleanResult(), configProblem) });
    const [patch] = github.bodies('PATCH', `${RUNS}/9`) as { conclusion: string; output: { summary: string } }[];
    expect(patch?.conclusion).toBe('success');
    expect(patch?.output.summary).toContain('used the default settings');
    expect(patch?.output.summary).toContain("unknown key 'rules.disabel'");
  });

  it('does not send again the annotations a previous attempt already sent', async () => {
    const { result, raws } = manyFindings(120);
    secrets = [...secrets, ...raws];
    const alreadySent = findingAnnotations(result).slice(0, 50);
    github.scope.get(`${RUNS}/9/annotations`).query({ per_page: '100', page: '1' }).reply(200, alreadySent);
    github.scope.patch(`${RUNS}/9`).times(2).reply(200, { id: 9 });
    await completeCheckRun(octokit, { owner: OWNER, repo: REPO, checkRunId: 9, externalId: 'd', content: content(result) });
    const patches = github.bodies('PATCH', `${RUNS}/9`) as { output: { annotations: { start_line: number }[] } }[];
    expect(patches.map((p) => p.output.annotations.length)).toEqual([50, 20]);
    expect(patches[0]?.output.annotations[0]?.start_line).toBe(51);
  });

  it('fails the run with what went wrong and what to do', async () => {
    github.scope.patch(`${RUNS}/9`).reply(200, { id: 9 });
    await failCheckRun(octokit, { owner: OWNER, repo: REPO, checkRunId: 9, reason: 'the repository could not be cloned' });
    const [patch] = github.bodies('PATCH', `${RUNS}/9`) as { conclusion: string; output: { title: string; summary: string } }[];
    expect(patch?.conclusion).toBe('failure');
    expect(patch?.output.summary).toContain('the repository could not be cloned');
  });

  it('surfaces a GitHub 5xx as an error for the queue to retry, once a lookup shows the run was not created', async () => {
    noExistingRun();
    github.scope.post(RUNS).reply(502, { message: 'Server Error' });
    noExistingRun();
    github.scope.post(RUNS).reply(502, { message: 'Server Error' });
    await expect(startCheckRun(octokit, { owner: OWNER, repo: REPO, headSha: HEAD_SHA, externalId: 'd' })).rejects.toMatchObject({ status: 502 });
  });
});
