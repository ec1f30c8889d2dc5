import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { incidentBody, incidentsFromFindings, MAX_ISSUE_BODY, TIMELINE_RESERVE, type Incident } from '../../src/report/incident-body.js';
import { incidentKey, incidentLabels, incidentRepository, recordIncidents, type RecordIncidentsOptions } from '../../src/report/incident-issue.js';
import { markerValues } from '../../src/report/incident-markers.js';
import { appendTimelineEntry, withTimelineEntry } from '../../src/report/incident-timeline.js';
import { MemoryIncidentStore } from '../../src/report/memory-incident-store.js';
import { mockGitHub, testOctokit, type GitHubMock } from './github-api-mock.js';
import { expectNoRawSecret, githubRule, makeFinding, RAW_SECRETS } from './sample-result.js';

const OWNER = 'acme';
const REPO = 'app';
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;
const COMMIT_A = 'a'.repeat(40);
const COMMIT_B = 'b'.repeat(40);
const NOW = new Date('2024-05-02T08:00:00.000Z');
const LIST_QUERY = { labels: 'leakstop', state: 'all', sort: 'created', direction: 'asc', per_page: '100', page: '1' };
const NO_SETTINGS = { assignees: [], labels: [] };

/** The GitHub token of sample-result.ts, found at `path:line` of `commit`. */
function leak(commit: string, path = 'src/config.ts', line = 12, overrides: Partial<LocatedFinding> = {}): LocatedFinding {
  const finding = makeFinding({
    ruleId: githubRule.id,
    provider: 'github',
    title: githubRule.title,
    severity: 'critical',
    confidence: 'checksum',
    raw: RAW_SECRETS.github,
    path,
    line,
    column: 18,
    remediation: githubRule.remediation,
    git: { commit, author: 'Jane Doe', authorEmail: 'jane@example.com', date: '2024-05-01T10:20:30Z' },
  });
  return { ...finding, ...overrides };
}

function incidentOf(findings: LocatedFinding[]): Incident {
  const [incident] = incidentsFromFindings(findings, { source: { owner: OWNER, repo: REPO }, pusher: 'jdoe', ref: 'refs/heads/main', detectedAt: NOW, htmlBaseUrl: 'https://github.com/' });
  if (!incident) throw new Error('no incident');
  return incident;
}

describe('incident issue text', () => {
  const body = incidentBody(incidentOf([leak(COMMIT_A)]));

  it("names a custom rule's finding by the rule, not by the provider id `custom`", () => {
    const custom = leak(COMMIT_A, 'app.env', 3, { ruleId: 'acme-api-key', provider: 'custom', title: 'Acme | API key', remediation: "Found by the custom rule 'acme-api-key'." });
    const text = incidentBody(incidentOf([custom]));
    expect(text).toContain('| Provider | a custom rule (Acme \\| API key) |');
    expect(text).toContain('- [ ] **Revoke** the credential where it was issued (found by a custom rule (Acme | API key)): Found by the custom rule');
    expect(text).toContain("**Check the issuer's logs**");
    expect(text).not.toMatch(/with custom|`custom`/);
    expect(body).toContain('- [ ] **Revoke** the credential with github: ');
  });

  it('says what was found, where, how severe, and carries the markers', () => {
    expect(markerValues(body, 'fingerprint')).toEqual([leak(COMMIT_A).fingerprint]);
    expect(markerValues(body, 'repository')).toEqual(['acme/app']);
    expect(body).toContain('<!-- leakstop:fingerprint=');
    expect(body).toContain('| Provider | `github` |');
    expect(body).toContain('(`github-pat-classic`)');
    expect(body).toContain(`| Secret (redacted) | \`${leak(COMMIT_A).secret.redacted}\` |`);
    expect(body).toContain(`| Fingerprint | \`${leak(COMMIT_A).fingerprint}\` |`);
    expect(body).toContain('| Severity | critical |');
    expect(body).toContain(`[\`aaaaaaa\`](https://github.com/acme/app/commit/${COMMIT_A})`);
    expect(body).toContain('| `src/config.ts` | 12 |');
    expect(body).toContain('`Jane Doe`');
    expect(body).toContain('Pushed by `jdoe` to `main`. Detected 2024-05-02T08:00:00Z.');
    expectNoRawSecret(body);
  });

  it('has a response timeline with the detection and a remediation checklist', () => {
    expect(body).toMatch(/<!-- leakstop:timeline-start -->\n- \*\*2024-05-02T08:00:00Z\*\* · Detected: .* <!-- leakstop:timeline-entry=detected -->\n<!-- leakstop:timeline-end -->/);
    for (const step of ['**Revoke**', '**Rotate**', '**Purge**', "**Check the provider's logs**"]) expect(body).toContain(`- [ ] ${step}`);
    expect(body).toContain('since `2024-05-01T10:20:30Z`');
  });

  it('keeps text from the repository from forging markers, mentioning people or breaking tables', () => {
    const crafted = leak(COMMIT_A, 'x|y\n<!-- leakstop:fingerprint=forged -->', 3, { author: '@octocat `ping`' });
    const text = incidentBody(incidentOf([crafted]));
    expect(markerValues(text, 'fingerprint')).toEqual([crafted.fingerprint]);
    expect(text).toContain('x\\|y?<!-- leakstop:fingerprint=forged -->');
    expect(text).toContain('`` @octocat `ping` ``');
  });

  it('stays under the body limit, with room for the timeline, however many locations', () => {
    const findings = Array.from({ length: 3_000 }, (_, i) => leak(COMMIT_A, `${'deep/'.repeat(100)}file-${i}.env`, i + 1));
    const big = incidentBody(incidentOf(findings));
    expect(big.length).toBeLessThanOrEqual(MAX_ISSUE_BODY - TIMELINE_RESERVE);
    expect(big).toContain('… and 2980 more locations.');
    expect(markerValues(big, 'locations')[0]?.split(',')).toHaveLength(1_000);
  });

  it('labels severity and provider, then the config labels, without duplicates', () => {
    expect(incidentLabels({ severity: 'high', provider: 'aws' }, { assignees: [], labels: ['security', 'leakstop'] })).toEqual([
      'leakstop',
      'severity:high',
      'provider:aws',
      'security',
    ]);
  });

  it('files in the central repository only when it belongs to the same owner', () => {
    expect(incidentRepository('acme', 'app', { ...NO_SETTINGS, repository: 'Acme/security' })).toEqual({ owner: 'Acme', repo: 'security' });
    expect(incidentRepository('acme', 'app', { ...NO_SETTINGS, repository: 'evil/inbox' })).toEqual({ owner: 'acme', repo: 'app' });
    expect(incidentRepository('acme', 'app', NO_SETTINGS)).toEqual({ owner: 'acme', repo: 'app' });
  });
});

describe('timeline entries', () => {
  const body = incidentBody(incidentOf([leak(COMMIT_A)]));

  it('go at the end of the timeline, and keep the rest of the body', () => {
    const updated = withTimelineEntry(body, { id: 'revoked', at: '2024-05-02T09:00:00Z', title: 'Revoked', detail: 'token deleted via the GitHub API' });
    expect(updated).toMatch(/entry=detected -->\n- \*\*2024-05-02T09:00:00Z\*\* · Revoked: token deleted via the GitHub API <!-- leakstop:timeline-entry=revoked -->\n<!-- leakstop:timeline-end -->/);
    expect(updated.replace(/\n- \*\*2024-05-02T09:00:00Z\*\*[^\n]*/, '')).toBe(body);
  });

  it('start a new timeline section when the markers were edited away', () => {
    const updated = withTimelineEntry('Someone rewrote this issue.', { id: 'rotated', at: new Date('2024-05-03T00:00:00Z'), title: 'Rotated' });
    expect(updated).toContain('### Response timeline\n\n<!-- leakstop:timeline-start -->\n- **2024-05-03T00:00:00Z** · Rotated');
  });

  it('refuse an id that could break the marker', () => {
    expect(() => withTimelineEntry(body, { id: 'x --> y', at: NOW, title: 'Bad' })).toThrow(/must be 1-100/);
  });
});

describe('incident requests', () => {
  let github: GitHubMock;
  let store: MemoryIncidentStore;
  let secrets: string[];
  const octokit = testOctokit();

  beforeEach(() => {
    github = mockGitHub();
    store = new MemoryIncidentStore();
    secrets = Object.values(RAW_SECRETS);
  });

  afterEach(() => {
    try {
      github.verify(secrets);
    } finally {
      github.dispose();
    }
  });

  function options(findings: LocatedFinding[], overrides: Partial<RecordIncidentsOptions> = {}): RecordIncidentsOptions {
    return { owner: OWNER, repo: REPO, findings, pusher: 'jdoe', ref: 'refs/heads/main', htmlBaseUrl: 'https://github.com', settings: NO_SETTINGS, store, now: NOW, ...overrides };
  }

  function issueBodies(path = ISSUES): { title: string; body: string; labels: string[]; assignees?: string[] }[] {
    return github.bodies('POST', path) as { title: string; body: string; labels: string[]; assignees?: string[] }[];
  }

  const key = incidentKey('acme/app', leak(COMMIT_A).fingerprint);

  /** Push 1 creates issue #5; returns its body as GitHub now holds it. */
  async function firstPush(): Promise<string> {
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(201, { number: 5 });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)]))).resolves.toEqual({ created: 1, commented: 0 });
    return issueBodies()[0]?.body ?? '';
  }

  it('creates one issue with labels for a new secret and remembers it', async () => {
    await firstPush();
    const [created] = issueBodies();
    expect(created?.title).toBe(`Leaked GitHub personal access token (classic) in acme/app (${leak(COMMIT_A).secret.redacted})`);
    expect(created?.labels).toEqual(['leakstop', 'severity:critical', 'provider:github']);
    expect(created).not.toHaveProperty('assignees');
    await expect(store.get(key)).resolves.toBe(5);
  });

  it('comments on the issue for a second push of the same secret, and only once', async () => {
    const issueBody = await firstPush();
    github.scope.get(`${ISSUES}/5`).twice().reply(200, { number: 5, body: issueBody });
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    github.scope.post(`${ISSUES}/5/comments`).reply(201, { id: 1 });
    const secondPush = options([leak(COMMIT_B, 'deploy/.env', 3)], { pusher: 'rroe', ref: 'refs/heads/feature' });
    await expect(recordIncidents(octokit, secondPush)).resolves.toEqual({ created: 0, commented: 1 });
    const [comment] = github.bodies('POST', `${ISSUES}/5/comments`) as { body: string }[];
    expect(comment?.body).toContain('found again in 1 new location');
    expect(comment?.body).toContain('Pushed by `rroe` to `feature`.');
    expect(comment?.body).toContain(`https://github.com/acme/app/commit/${COMMIT_B}`);
    expect(comment?.body).not.toContain('src/config.ts');

    // The same job delivered again: its locations are in the comment now.
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, [{ id: 1, body: comment?.body }]);
    await expect(recordIncidents(octokit, secondPush)).resolves.toEqual({ created: 0, commented: 0 });
  });

  it('does nothing for a location the issue already has', async () => {
    const issueBody = await firstPush();
    github.scope.get(`${ISSUES}/5`).reply(200, { number: 5, body: issueBody });
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    // The same commit reached through a pull request or another branch is the same location.
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)], { ref: 'refs/pull/9/head' }))).resolves.toEqual({ created: 0, commented: 0 });
  });

  it('finds the issue by its marker after a worker died between creating it and storing its number', async () => {
    const crashing = new MemoryIncidentStore();
    let crashed = false;
    crashing.set = async (k, n) => {
      if (!crashed) {
        crashed = true;
        throw new Error('worker killed');
      }
      await MemoryIncidentStore.prototype.set.call(crashing, k, n);
    };
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(201, { number: 5 });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)], { store: crashing }))).rejects.toThrow('worker killed');
    const issueBody = issueBodies()[0]?.body;

    const otherIssues = Array.from({ length: 100 }, (_, i) => ({ number: 100 + i, body: 'Not an incident', updated_at: '2024-05-01T00:00:00Z' }));
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, otherIssues);
    github.scope
      .get(ISSUES)
      .query({ ...LIST_QUERY, page: '2' })
      .reply(200, [{ number: 5, body: issueBody, updated_at: '2024-05-02T08:00:01Z' }]);
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)], { store: crashing }))).resolves.toEqual({ created: 0, commented: 0 });
    await expect(crashing.get(key)).resolves.toBe(5);
    expect(issueBodies()).toHaveLength(1);
  });

  it('lists only what changed since the last listing for the next new secret of the same job', async () => {
    const second = makeFinding({ ...awsLikeInput(), raw: RAW_SECRETS.aws });
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, [{ number: 1, body: 'old', updated_at: '2024-04-01T00:00:00Z' }]);
    github.scope
      .get(ISSUES)
      .query({ ...LIST_QUERY, since: '2024-04-01T00:00:00Z' })
      .reply(200, [{ number: 1, body: 'old', updated_at: '2024-04-01T00:00:00Z' }]);
    github.scope.post(ISSUES).twice().reply(201, { number: 6 });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A), second]))).resolves.toEqual({ created: 2, commented: 0 });
  });

  it('serialises two jobs with the same secret: one issue, no comment', async () => {
    let created = '';
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(201, (_uri, body) => {
      created = (body as { body: string }).body;
      return { number: 5 };
    });
    github.scope.get(`${ISSUES}/5`).reply(200, () => ({ number: 5, body: created }));
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    const results = await Promise.all([recordIncidents(octokit, options([leak(COMMIT_A)])), recordIncidents(octokit, options([leak(COMMIT_A)]))]);
    expect(results).toEqual([
      { created: 1, commented: 0 },
      { created: 0, commented: 0 },
    ]);
  });

  it('files in the central security repository with config labels and assignees, linking the source commit', async () => {
    const central = '/repos/acme/security/issues';
    github.scope.get(central).query(LIST_QUERY).reply(200, []);
    github.scope.post(central).reply(201, { number: 77 });
    const settings = { repository: 'acme/security', assignees: ['sec-lead'], labels: ['security'] };
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)], { settings }))).resolves.toEqual({ created: 1, commented: 0 });
    const [created] = issueBodies(central);
    expect(created?.labels).toEqual(['leakstop', 'severity:critical', 'provider:github', 'security']);
    expect(created?.assignees).toEqual(['sec-lead']);
    expect(created?.body).toContain(`https://github.com/acme/app/commit/${COMMIT_A}`);
    expect(markerValues(created?.body ?? '', 'repository')).toEqual(['acme/app']);
    await expect(store.get(key)).resolves.toBe(77);
  });

  it('files the issue unassigned, and says why, when GitHub refuses an assignee', async () => {
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid' }] });
    github.scope.post(ISSUES).reply(201, { number: 5 });
    await recordIncidents(octokit, options([leak(COMMIT_A)], { settings: { assignees: ['ghost-user'], labels: [] } }));
    const [refused, filed] = issueBodies();
    expect(refused?.assignees).toEqual(['ghost-user']);
    expect(filed).not.toHaveProperty('assignees');
    expect(filed?.body).toContain('Could not assign ghost-user');
  });

  it('replaces an issue that was deleted, or that the store confuses with another', async () => {
    await store.set(key, 3);
    github.scope.get(`${ISSUES}/3`).reply(404, { message: 'Not Found' });
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(201, { number: 8 });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)]))).resolves.toEqual({ created: 1, commented: 0 });
    await expect(store.get(key)).resolves.toBe(8);

    github.scope.get(`${ISSUES}/8`).reply(200, { number: 8, body: 'An unrelated issue' });
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(201, { number: 9 });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)]))).resolves.toEqual({ created: 1, commented: 0 });
  });

  it('comments once for thousands of new locations, and not again on redelivery', async () => {
    const issueBody = await firstPush();
    const findings = Array.from({ length: 2_500 }, (_, i) => leak(COMMIT_B, `gen/file-${i}.env`, 1));
    github.scope.get(`${ISSUES}/5`).twice().reply(200, { number: 5, body: issueBody });
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    github.scope.post(`${ISSUES}/5/comments`).reply(201, { id: 1 });
    await expect(recordIncidents(octokit, options(findings))).resolves.toEqual({ created: 0, commented: 1 });
    const [comment] = github.bodies('POST', `${ISSUES}/5/comments`) as { body: string }[];
    expect(comment?.body.length).toBeLessThanOrEqual(MAX_ISSUE_BODY);
    expect(comment?.body).toContain('… and 2480 more locations.');

    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, [{ id: 1, body: comment?.body }]);
    await expect(recordIncidents(octokit, options(findings))).resolves.toEqual({ created: 0, commented: 0 });
  });

  it('surfaces a GitHub 5xx as an error for the queue to retry, remembering nothing, once a lookup shows no issue was opened', async () => {
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(503, { message: 'Service Unavailable' });
    github.scope.get(ISSUES).query(LIST_QUERY).reply(200, []);
    github.scope.post(ISSUES).reply(503, { message: 'Service Unavailable' });
    await expect(recordIncidents(octokit, options([leak(COMMIT_A)]))).rejects.toMatchObject({ status: 503 });
    await expect(store.get(key)).resolves.toBeUndefined();
  });

  it('appends a timeline entry once by id', async () => {
    const issueBody = await firstPush();
    const ref = { owner: OWNER, repo: REPO, issueNumber: 5 };
    const entry = { id: 'verified', at: '2024-05-02T08:05:00Z', title: 'Verified', detail: 'the token is live' };
    github.scope.get(`${ISSUES}/5`).reply(200, { number: 5, body: issueBody });
    github.scope.patch(`${ISSUES}/5`).reply(200, { number: 5 });
    await expect(appendTimelineEntry(octokit, ref, entry)).resolves.toBe(true);
    const [patch] = github.bodies('PATCH', `${ISSUES}/5`) as { body: string }[];
    expect(patch?.body).toContain('Verified: the token is live <!-- leakstop:timeline-entry=verified -->');

    github.scope.get(`${ISSUES}/5`).reply(200, { number: 5, body: patch?.body });
    await expect(appendTimelineEntry(octokit, ref, entry)).resolves.toBe(false);
  });

  it('puts a timeline entry in a comment when the body is full', async () => {
    const full = `${'x'.repeat(MAX_ISSUE_BODY - 20)}\n<!-- leakstop:timeline-start -->\n<!-- leakstop:timeline-end -->`.slice(0, MAX_ISSUE_BODY);
    const ref = { owner: OWNER, repo: REPO, issueNumber: 5 };
    const entry = { id: 'rotated', at: '2024-05-02T10:00:00Z', title: 'Rotated' };
    github.scope.get(`${ISSUES}/5`).twice().reply(200, { number: 5, body: full });
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, []);
    github.scope.post(`${ISSUES}/5/comments`).reply(201, { id: 2 });
    await expect(appendTimelineEntry(octokit, ref, entry)).resolves.toBe(true);
    const [comment] = github.bodies('POST', `${ISSUES}/5/comments`) as { body: string }[];
    github.scope.get(`${ISSUES}/5/comments`).query({ per_page: '100', page: '1' }).reply(200, [{ id: 2, body: comment?.body }]);
    await expect(appendTimelineEntry(octokit, ref, entry)).resolves.toBe(false);
  });
});

/** A second, unrelated secret for tests that need two incidents in one job. */
function awsLikeInput(): Parameters<typeof makeFinding>[0] {
  return {
    ruleId: 'aws-access-key-pair',
    provider: 'aws',
    title: 'AWS access key pair',
    severity: 'critical',
    confidence: 'structure',
    raw: RAW_SECRETS.aws,
    path: 'deploy/settings.env',
    line: 3,
    column: 23,
    remediation: 'Deactivate the key in the IAM console, then delete it.',
    git: { commit: COMMIT_A, author: 'Jane Doe', authorEmail: 'jane@example.com', date: '2024-05-01T10:20:30Z' },
  };
}
