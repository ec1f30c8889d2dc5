// The text of an incident issue and of its "found again" comments, built without I/O from the
// findings of one secret. Only the redacted value of the secret is ever written, text from the
// repository is confined to code spans, and everything stays under GitHub's body limit.
import type { LocatedFinding } from '../detect/finding.js';
import { SEVERITY_ORDER, type Confidence, type Severity } from '../detect/rule.js';
import { detailLabel } from './labels.js';
import { batchDigest, locationId, marker, repositoryMarkerValue, TIMELINE_END, TIMELINE_START } from './incident-markers.js';
import { cellCode, codeSpan, plainText, plural, truncateText } from './markdown.js';
import { isCustomProvider, providerLabel } from './provider-label.js';
import { orderFindings } from './summary.js';

/** GitHub rejects an issue or comment body longer than this: "body is too long (maximum is 65536 characters)". */
export const MAX_ISSUE_BODY = 65_536;
/** GitHub's limit on an issue title. */
export const MAX_ISSUE_TITLE = 256;
/**
 * Room left in a new issue's body for the entries the leak response appends to its timeline
 * (verification, revocation, rotation, impact) without pushing it over the limit.
 */
export const TIMELINE_RESERVE = 16_000;

/** Location rows shown in full; the rest are counted. Fewer are shown when the body would not fit. */
const MAX_SHOWN_LOCATIONS = 20;
/** Location ids recorded in one body or comment: at 17 characters each, about 17 KB. */
const MAX_RECORDED_LOCATIONS = 1_000;
const MAX_DETAILS = 10;
/** Caps on text from the repository: a path can be 4 KB, an author name anything. */
const MAX_PATH = 300;
const MAX_NAME = 100;
const SHORT_COMMIT = 7;
const COMMIT_SHA = /^[0-9a-f]{7,64}$/i;

export interface IncidentLocation {
  id: string;
  path: string;
  line: number;
  commit?: string;
  author?: string;
  date?: string;
}

/** One leaked secret in one repository, as far as one scan saw it. */
export interface Incident {
  fingerprint: string;
  ruleId: string;
  title: string;
  provider: string;
  severity: Severity;
  confidence: Confidence;
  /** finding.secret.redacted: the only form of the secret an incident carries. */
  redacted: string;
  details: Record<string, string>;
  remediation: string;
  /** The scanned repository, where the commits are (the issue may live in a central one). */
  source: { owner: string; repo: string };
  /** Distinct locations in file order. */
  locations: IncidentLocation[];
  pusher?: string;
  branch?: string;
  /** ISO 8601, seconds precision. */
  detectedAt: string;
  /** `https://github.com` or a GitHub Enterprise Server's web URL: commit links start with it. */
  htmlBaseUrl: string;
}

export interface IncidentContext {
  source: { owner: string; repo: string };
  pusher?: string;
  ref?: string;
  detectedAt: Date;
  htmlBaseUrl: string;
}

/** Findings grouped by fingerprint, one Incident per secret, in file order of first sighting. */
export function incidentsFromFindings(findings: readonly LocatedFinding[], context: IncidentContext): Incident[] {
  const groups = new Map<string, LocatedFinding[]>();
  for (const finding of orderFindings(findings)) {
    const group = groups.get(finding.fingerprint);
    if (group) group.push(finding);
    else groups.set(finding.fingerprint, [finding]);
  }
  return [...groups.values()].map((group) => incidentFromGroup(group, context));
}

function incidentFromGroup(group: readonly LocatedFinding[], context: IncidentContext): Incident {
  // A fingerprint is one secret under one rule id; should severities still differ (a combining
  // provider), the strongest speaks for the incident. Groups are never empty.
  const first = group.reduce((best, f) => (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best.severity] ? f : best));
  const incident: Incident = {
    fingerprint: first.fingerprint,
    ruleId: first.ruleId,
    title: first.title,
    provider: first.provider,
    severity: first.severity,
    confidence: first.confidence,
    redacted: first.secret.redacted,
    details: first.details,
    remediation: first.remediation,
    source: context.source,
    locations: distinctLocations(group),
    detectedAt: isoSeconds(context.detectedAt),
    htmlBaseUrl: context.htmlBaseUrl.replace(/\/{1,10}$/, ''),
  };
  if (context.pusher !== undefined) incident.pusher = context.pusher;
  const branch = branchName(context.ref);
  if (branch !== undefined) incident.branch = branch;
  return incident;
}

function distinctLocations(findings: readonly LocatedFinding[]): IncidentLocation[] {
  const byId = new Map<string, IncidentLocation>();
  for (const finding of findings) {
    const id = locationId(finding);
    if (byId.has(id)) continue;
    const location: IncidentLocation = { id, path: finding.path, line: finding.line };
    if (finding.commit !== undefined) location.commit = finding.commit;
    if (finding.author !== undefined) location.author = finding.author;
    if (finding.date !== undefined) location.date = finding.date;
    byId.set(id, location);
  }
  return [...byId.values()];
}

/** `refs/heads/main` → `main`; other refs (tags, pull request refs) as given. */
function branchName(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '') return undefined;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function incidentTitle(incident: Incident): string {
  const { owner, repo } = incident.source;
  return truncateText(`Leaked ${incident.title} in ${owner}/${repo} (${incident.redacted})`, MAX_ISSUE_TITLE);
}

/** The body of a new incident issue; `note` is an extra line from the caller (e.g. who could not be assigned). */
export function incidentBody(incident: Incident, note?: string): string {
  return fitted((shown) => composeBody(incident, shown, note), MAX_ISSUE_BODY - TIMELINE_RESERVE);
}

/**
 * The text with as many location rows as fit in `budget`. The caps on every field keep even the
 * full table well inside it; fewer rows, and finally a cut, are the guarantee. Markers come
 * first, so a cut never loses them.
 */
function fitted(compose: (shownLocations: number) => string, budget: number): string {
  let text = '';
  for (const shown of [MAX_SHOWN_LOCATIONS, 10, 5, 1, 0]) {
    text = compose(shown);
    if (text.length <= budget) return text;
  }
  return truncateText(text, budget);
}

function composeBody(incident: Incident, shown: number, note: string | undefined): string {
  const { owner, repo } = incident.source;
  return [
    identityMarkers(incident),
    locationMarkers(incident.locations),
    '',
    `A **${incident.severity}** credential was pushed to **${plainText(`${owner}/${repo}`)}**: ${plainText(incident.title)}. ` +
      'Anyone who could read the repository, its forks or its clones may have it: treat it as compromised until it is revoked.',
    ...(note === undefined ? [] : ['', `> [!NOTE]\n> ${plainText(note)}`]),
    '',
    '### What was found',
    '',
    foundTable(incident),
    '',
    '### Where',
    '',
    pushLine(incident),
    '',
    locationsTable(incident, incident.locations, shown),
    '',
    '### Response timeline',
    '',
    TIMELINE_START,
    timelineLine(
      { id: 'detected', at: incident.detectedAt, title: 'Detected', detail: `leakstop found the credential in ${plural(incident.locations.length, 'location')}.` },
    ),
    TIMELINE_END,
    '',
    '### Remediation checklist',
    '',
    ...checklist(incident),
  ].join('\n');
}

function identityMarkers(incident: Incident): string {
  return [marker('fingerprint', incident.fingerprint), marker('repository', repositoryMarkerValue(incident.source.owner, incident.source.repo))].join('\n');
}

/** The ids of (at most MAX_RECORDED_LOCATIONS of) these locations, and the digest of all of them. */
function locationMarkers(locations: readonly IncidentLocation[]): string {
  const ids = locations.map((l) => l.id);
  return [marker('locations', ids.slice(0, MAX_RECORDED_LOCATIONS).join(',')), marker('batch', batchDigest(ids))].join('\n');
}

/** Plain text in a table cell: a custom rule's title comes from a repository's config and may hold a pipe. */
function cellText(text: string): string {
  return plainText(text).replaceAll('|', '\\|');
}

function foundTable(incident: Incident): string {
  const rows: [string, string][] = [
    ['Provider', isCustomProvider(incident.provider) ? cellText(providerLabel(incident)) : cellCode(incident.provider)],
    ['Rule', `${cellText(incident.title)} (${cellCode(incident.ruleId)})`],
    ['Secret (redacted)', cellCode(incident.redacted)],
    ['Fingerprint', cellCode(incident.fingerprint)],
    ['Severity', incident.severity],
    ['Confidence', incident.confidence],
    ...Object.entries(incident.details)
      .slice(0, MAX_DETAILS)
      .map(([key, value]): [string, string] => [plainText(detailLabel(key)), cellCode(truncateText(value, MAX_NAME))]),
  ];
  return ['| | |', '| --- | --- |', ...rows.map(([label, value]) => `| ${label} | ${value} |`)].join('\n');
}

/** Who pushed where and when it was detected: the same for every location of one scan. */
function pushLine(incident: Incident): string {
  const pushed = [
    incident.pusher === undefined ? undefined : `by ${codeSpan(truncateText(incident.pusher, MAX_NAME))}`,
    incident.branch === undefined ? undefined : `to ${codeSpan(truncateText(incident.branch, MAX_NAME))}`,
  ].filter((part): part is string => part !== undefined);
  const detected = `Detected ${incident.detectedAt}.`;
  return pushed.length === 0 ? detected : `Pushed ${pushed.join(' ')}. ${detected}`;
}

function locationsTable(incident: Incident, locations: readonly IncidentLocation[], shown: number): string {
  const rows = locations.slice(0, shown).map((location) => locationRow(incident, location));
  const rest = locations.length - rows.length;
  const more = rest > 0 ? [``, `… and ${plural(rest, 'more location')}.`] : [];
  if (rows.length === 0) return more.join('\n').trim();
  return ['| File | Line | Commit | Author | Committed |', '| --- | ---: | --- | --- | --- |', ...rows, ...more].join('\n');
}

function locationRow(incident: Incident, location: IncidentLocation): string {
  const cells = [
    cellCode(truncateText(location.path, MAX_PATH)),
    String(location.line),
    commitCell(incident, location.commit),
    location.author === undefined ? '' : cellCode(truncateText(location.author, MAX_NAME)),
    location.date === undefined ? '' : cellCode(truncateText(location.date, 40)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A link to the commit in the scanned repository, when the SHA looks like one. */
function commitCell(incident: Incident, commit: string | undefined): string {
  if (commit === undefined) return '';
  if (!COMMIT_SHA.test(commit)) return cellCode(truncateText(commit, 64));
  const { owner, repo } = incident.source;
  const url = `${incident.htmlBaseUrl}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/commit/${commit}`;
  return `[${codeSpan(commit.slice(0, SHORT_COMMIT))}](${url})`;
}

export interface TimelineEntry {
  /** Stable id: appending the same id twice adds nothing. 1-100 of [A-Za-z0-9:._-]. */
  id: string;
  /** When it happened, ISO 8601 (or a Date). */
  at: string | Date;
  /** What happened, in a word or two: 'Verified', 'Revoked', 'Rotated', 'Impact assessed'. */
  title: string;
  detail?: string;
}

const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;
const MAX_ENTRY_TEXT = 1_000;

/** One line of the response timeline, its marker at the end of the line where GitHub hides it. */
export function timelineLine(entry: TimelineEntry): string {
  if (!ENTRY_ID.test(entry.id)) throw new Error(`timeline entry id '${entry.id}' must be 1-100 of [A-Za-z0-9:._-]`);
  const at = entry.at instanceof Date ? isoSeconds(entry.at) : entry.at;
  const detail = entry.detail === undefined ? '' : `: ${entry.detail}`;
  const text = truncateText(`${entry.title}${detail}`, MAX_ENTRY_TEXT);
  return `- **${plainText(at)}** · ${plainText(text)} ${marker('timeline-entry', entry.id)}`;
}

function checklist(incident: Incident): string[] {
  const since = firstCommitDate(incident.locations);
  // A custom rule's credential has an issuer leakstop does not know: the rule's title says what it is.
  const custom = isCustomProvider(incident.provider);
  const revokeWith = custom ? `where it was issued (found by ${providerLabel(incident)})` : `with ${incident.provider}`;
  return [
    `- [ ] **Revoke** the credential ${plainText(revokeWith)}: ${plainText(incident.remediation)}`,
    '- [ ] **Rotate**: issue a replacement and update everything that used the old credential (deployments, CI secrets, other repositories).',
    '- [ ] **Purge** it from the git history (`git filter-repo` or BFG), force-push, and have everyone with a clone re-clone. This does not replace revoking: forks, clones and caches keep the old commits.',
    `- [ ] **Check the ${custom ? "issuer's" : "provider's"} logs** for use of the credential ${since === undefined ? 'since it was committed' : `since ${codeSpan(since)}`}, and record what you find in this issue.`,
  ];
}

/** The earliest commit date among the locations, as given by git, if any. */
function firstCommitDate(locations: readonly IncidentLocation[]): string | undefined {
  const dates = locations.map((l) => l.date).filter((d): d is string => d !== undefined && d.length <= 40);
  return dates.sort()[0];
}

/**
 * The comment for `fresh` locations of a known secret, those its issue does not mention yet. It
 * also records the digest of all of this scan's locations, by which a redelivered job recognises it.
 */
export function newLocationsComment(incident: Incident, fresh: readonly IncidentLocation[]): string {
  const { owner, repo } = incident.source;
  const compose = (shown: number): string =>
    [
      marker('fingerprint', incident.fingerprint),
      marker('locations', fresh.slice(0, MAX_RECORDED_LOCATIONS).map((l) => l.id).join(',')),
      marker('batch', batchDigest(incident.locations.map((l) => l.id))),
      '',
      `The same credential (${codeSpan(incident.redacted)}) was found again in ${plural(fresh.length, 'new location')} of **${plainText(`${owner}/${repo}`)}**. ` +
        'Until it is revoked, every copy is another place it can be read from.',
      '',
      pushLine(incident),
      '',
      locationsTable(incident, fresh, shown),
    ].join('\n');
  return fitted(compose, MAX_ISSUE_BODY);
}
