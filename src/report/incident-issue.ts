// One incident issue per leaked secret (fingerprint) per repository, in that repository or in the
// central security repository its config names. A later push, branch or pull request carrying the
// same secret adds a comment for its new locations; a redelivered or restarted job adds nothing.
import type { LocatedFinding } from '../detect/finding.js';
import type { IncidentSettings } from '../config/repo-config.schema.js';
import { PER_PAGE, sameLogin, type GitHubClient } from '../github/client.js';
import { httpStatus } from '../github/errors.js';
import { createOnce } from '../github/write-retry.js';
import { incidentBody, incidentsFromFindings, incidentTitle, newLocationsComment, type Incident } from './incident-body.js';
import { batchDigest, markerValues, recordedLocations, repositoryMarkerValue } from './incident-markers.js';
import { issueCommentBodies } from './incident-timeline.js';

export { appendTimelineEntry, type IncidentIssueRef, type TimelineEntry } from './incident-timeline.js';

/**
 * Which issue holds the incident of a key (`${repoFullName}:${fingerprint}`), and a lock that
 * serialises the work on one incident across workers.
 */
export interface IncidentStore {
  get(key: string): Promise<number | undefined>;
  set(key: string, issueNumber: number): Promise<void>;
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function incidentKey(repoFullName: string, fingerprint: string): string {
  return `${repoFullName}:${fingerprint}`;
}

/** Every incident issue carries this label: it is how leakstop lists its issues. */
export const INCIDENT_LABEL = 'leakstop';
/** GitHub's limit on a label name. */
const MAX_LABEL = 50;

export interface RecordIncidentsOptions {
  /** The scanned repository. */
  owner: string;
  repo: string;
  findings: LocatedFinding[];
  pusher?: string;
  ref?: string;
  /** Web URL of the GitHub host (`https://github.com`, or a GHE Server's), for commit links. */
  htmlBaseUrl: string;
  settings: IncidentSettings;
  store: IncidentStore;
  /** Detection time shown in the issue; now by default. */
  now?: Date;
}

interface RepoRef {
  owner: string;
  repo: string;
}

interface KnownIssue {
  number: number;
  body: string;
}

type Outcome = 'created' | 'commented' | 'unchanged';

export async function recordIncidents(
  octokit: GitHubClient,
  options: RecordIncidentsOptions,
): Promise<{ created: number; commented: number }> {
  const { owner, repo, store } = options;
  const target = incidentRepository(owner, repo, options.settings);
  const incidents = incidentsFromFindings(options.findings, {
    source: { owner, repo },
    ...(options.pusher === undefined ? {} : { pusher: options.pusher }),
    ...(options.ref === undefined ? {} : { ref: options.ref }),
    detectedAt: options.now ?? new Date(),
    htmlBaseUrl: options.htmlBaseUrl,
  });
  const index = new IncidentIndex(octokit, target);
  const counts = { created: 0, commented: 0 };
  // One incident at a time: issue and comment creation is what GitHub's secondary limits watch.
  for (const incident of incidents) {
    const key = incidentKey(`${owner}/${repo}`, incident.fingerprint);
    const outcome = await store.lock(key, () => recordIncident(octokit, { target, incident, key, store, index, settings: options.settings }));
    if (outcome !== 'unchanged') counts[outcome]++;
  }
  return counts;
}

/**
 * The repository incident issues go to. A central repository of another owner is refused by the
 * config check (repoConfigSchemaForOwner); should one arrive anyway, the incident stays in the
 * scanned repository rather than go where its owner cannot see it.
 */
export function incidentRepository(owner: string, repo: string, settings: IncidentSettings): RepoRef {
  const [centralOwner, centralRepo] = settings.repository?.split('/') ?? [];
  if (centralOwner === undefined || centralRepo === undefined || !sameLogin(centralOwner, owner)) return { owner, repo };
  return { owner: centralOwner, repo: centralRepo };
}

interface IncidentWork {
  target: RepoRef;
  incident: Incident;
  key: string;
  store: IncidentStore;
  index: IncidentIndex;
  settings: IncidentSettings;
}

/** Runs under the incident's lock, so no other worker creates or comments on it meanwhile. */
async function recordIncident(octokit: GitHubClient, work: IncidentWork): Promise<Outcome> {
  const { target, incident, key, store } = work;
  const known = await knownIssue(octokit, work);
  if (known === undefined) {
    const issueNumber = await createOnce({
      create: () => createIncidentIssue(octokit, target, incident, work.settings),
      // A create whose answer was lost may have opened the issue: its markers say so.
      find: async () => (await work.index.find(identityOf(incident)))?.number,
    });
    await store.set(key, issueNumber);
    return 'created';
  }
  const issue = { ...target, issueNumber: known.number };
  const comments = await issueCommentBodies(octokit, issue);
  const recorded = recordedLocations([known.body, ...comments]);
  // The very same set of locations was reported before: this job ran already.
  const batch = batchDigest(incident.locations.map((l) => l.id));
  if (recorded.batches.has(batch)) return 'unchanged';
  const fresh = incident.locations.filter((location) => !recorded.ids.has(location.id));
  if (fresh.length === 0) return 'unchanged';
  await createOnce({
    create: async () => {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...target, issue_number: known.number, body: newLocationsComment(incident, fresh) });
      return true;
    },
    find: async () => (recordedLocations(await issueCommentBodies(octokit, issue)).batches.has(batch) ? true : undefined),
  });
  return 'commented';
}

function identityOf(incident: Incident): string {
  return incidentIdentity(incident.fingerprint, repositoryMarkerValue(incident.source.owner, incident.source.repo));
}

/**
 * The incident's issue: the one the store names if it still is this incident's, else one found by
 * its markers. The second case covers a worker that died between creating an issue and storing
 * its number, and a store that was lost.
 */
async function knownIssue(octokit: GitHubClient, work: IncidentWork): Promise<KnownIssue | undefined> {
  const { target, incident, key, store, index } = work;
  const identity = identityOf(incident);
  const stored = await store.get(key);
  if (stored !== undefined) {
    const issue = await readIssue(octokit, target, stored);
    // The store's number may point elsewhere after `incidents.repository` changed, or at a deleted issue.
    if (issue !== undefined && issueIdentity(issue.body) === identity) return issue;
  }
  const found = await index.find(identity);
  if (found !== undefined) await store.set(key, found.number);
  return found;
}

async function readIssue(octokit: GitHubClient, target: RepoRef, issueNumber: number): Promise<KnownIssue | undefined> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...target, issue_number: issueNumber });
    return { number: data.number, body: data.body ?? '' };
  } catch (error) {
    // 404: no such issue (deleted, or never in this repository); 410: deleted issue or disabled issues.
    const status = httpStatus(error);
    if (status === 404 || status === 410) return undefined;
    throw error;
  }
}

function incidentIdentity(fingerprint: string, repository: string): string {
  return `${repository}:${fingerprint}`;
}

/** The identity an issue body's markers claim, if it is a leakstop incident. */
function issueIdentity(body: string): string | undefined {
  const [fingerprint] = markerValues(body, 'fingerprint');
  const [repository] = markerValues(body, 'repository');
  return fingerprint === undefined || repository === undefined ? undefined : incidentIdentity(fingerprint, repository);
}

/**
 * leakstop's issues in the incident repository by identity, read through the issues list with the
 * `leakstop` label (open and closed) rather than the search API, whose index lags behind by
 * minutes. The first lookup reads every page; later ones only what changed since.
 */
class IncidentIndex {
  readonly #issues = new Map<string, KnownIssue>();
  #since: string | undefined;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly target: RepoRef,
  ) {}

  async find(identity: string): Promise<KnownIssue | undefined> {
    // Refreshed on every lookup: another worker may have created the issue a moment ago.
    await this.#refresh();
    return this.#issues.get(identity);
  }

  async #refresh(): Promise<void> {
    let latest = this.#since;
    for (let page = 1; ; page++) {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/issues', {
        ...this.target,
        labels: INCIDENT_LABEL,
        state: 'all',
        // Creation order does not shift while we page, as update order would.
        sort: 'created',
        direction: 'asc',
        per_page: PER_PAGE,
        page,
        ...(this.#since === undefined ? {} : { since: this.#since }),
      });
      for (const issue of data) {
        if (issue.pull_request !== undefined) continue;
        this.#remember({ number: issue.number, body: issue.body ?? '' });
        if (latest === undefined || issue.updated_at > latest) latest = issue.updated_at;
      }
      if (data.length < PER_PAGE) break;
    }
    // GitHub's own timestamps: no clock of ours is involved.
    this.#since = latest;
  }

  #remember(issue: KnownIssue): void {
    const identity = issueIdentity(issue.body);
    if (identity === undefined) return;
    const existing = this.#issues.get(identity);
    // Should duplicates exist (made by hand, or before this index existed), the oldest is the incident.
    if (existing === undefined || issue.number <= existing.number) this.#issues.set(identity, issue);
  }
}

async function createIncidentIssue(octokit: GitHubClient, target: RepoRef, incident: Incident, settings: IncidentSettings): Promise<number> {
  const request = { ...target, title: incidentTitle(incident), labels: incidentLabels(incident, settings) };
  if (settings.assignees.length === 0) {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...request, body: incidentBody(incident) });
    return data.number;
  }
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...request, body: incidentBody(incident), assignees: settings.assignees });
    return data.number;
  } catch (error) {
    // 422 "Validation Failed": an assignee who cannot be assigned in this repository. The incident
    // matters more than the assignment: file it unassigned and say why.
    if (httpStatus(error) !== 422) throw error;
    const note = `Could not assign ${settings.assignees.join(', ')}: GitHub refused the assignment (each needs access to ${target.owner}/${target.repo}). Check \`incidents.assignees\` in .github/leakstop.yml.`;
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...request, body: incidentBody(incident, note) });
    return data.number;
  }
}

/** leakstop's label, severity and provider, then the config's own; GitHub creates missing labels. */
export function incidentLabels(incident: Pick<Incident, 'severity' | 'provider'>, settings: IncidentSettings): string[] {
  const labels = [INCIDENT_LABEL, `severity:${incident.severity}`, `provider:${incident.provider}`, ...settings.labels];
  return [...new Set(labels.map((label) => label.slice(0, MAX_LABEL)))];
}
