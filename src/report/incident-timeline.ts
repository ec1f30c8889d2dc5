// The "Response timeline" of an incident issue, which the leak response extends as it verifies,
// revokes and rotates a credential. An entry is added once per id however often it is sent, and
// the rest of the body (checked boxes, people's edits) is left as it is.
import { PER_PAGE, type GitHubClient } from '../github/client.js';
import { createOnce } from '../github/write-retry.js';
import { MAX_ISSUE_BODY, timelineLine, type TimelineEntry } from './incident-body.js';
import { marker, TIMELINE_END, TIMELINE_START } from './incident-markers.js';

export type { TimelineEntry } from './incident-body.js';

export interface IncidentIssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export function hasTimelineEntry(text: string, id: string): boolean {
  return text.includes(marker('timeline-entry', id));
}

/**
 * `body` with `entry` as the last line of its timeline. A body whose timeline markers were edited
 * away gets a new timeline section at the end, so an entry is never lost.
 */
export function withTimelineEntry(body: string, entry: TimelineEntry): string {
  const line = timelineLine(entry);
  const end = body.lastIndexOf(TIMELINE_END);
  if (end === -1 || body.lastIndexOf(TIMELINE_START, end) === -1) {
    return `${body.trimEnd()}\n\n### Response timeline\n\n${TIMELINE_START}\n${line}\n${TIMELINE_END}\n`;
  }
  return `${body.slice(0, end)}${line}\n${body.slice(end)}`;
}

/**
 * Adds `entry` to the issue's timeline; returns false when an entry with its id is already there.
 * When the body has no room left it goes in a comment instead. Read-modify-write: callers
 * serialise updates of one incident (the IncidentStore lock of its key) so none is lost.
 */
export async function appendTimelineEntry(octokit: GitHubClient, issue: IncidentIssueRef, entry: TimelineEntry): Promise<boolean> {
  const added = await appendTimelineEntries(octokit, issue, [entry]);
  return added !== 'not-this-incident' && added > 0;
}

/**
 * Adds the entries not yet on the timeline with one read and one write (GitHub spaces an app's
 * writes a second apart, so a step-by-step write would hold up the rest); returns how many were
 * added, or 'not-this-incident' when `isIncident` says the issue belongs to something else (a
 * stale issue number). Entries that do not fit the body go in one comment.
 */
export async function appendTimelineEntries(
  octokit: GitHubClient,
  issue: IncidentIssueRef,
  entries: readonly TimelineEntry[],
  isIncident: (body: string) => boolean = () => true,
): Promise<number | 'not-this-incident'> {
  const { owner, repo, issueNumber } = issue;
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: issueNumber });
  let body = data.body ?? '';
  if (!isIncident(body)) return 'not-this-incident';
  const fresh = entries.filter((entry, index) => !hasTimelineEntry(body, entry.id) && entries.findIndex((other) => other.id === entry.id) === index);
  const overflow: TimelineEntry[] = [];
  for (const entry of fresh) {
    const updated = withTimelineEntry(body, entry);
    if (updated.length <= MAX_ISSUE_BODY && overflow.length === 0) body = updated;
    else overflow.push(entry);
  }
  if (overflow.length < fresh.length) await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { owner, repo, issue_number: issueNumber, body });
  if (overflow.length === 0) return fresh.length;
  const comments = await issueCommentBodies(octokit, issue);
  const missing = overflow.filter((entry) => !comments.some((comment) => hasTimelineEntry(comment, entry.id)));
  if (missing.length > 0) {
    await createOnce({
      create: async () => {
        await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: issueNumber,
          body: `**Response timeline** (continued: the issue body is full)\n\n${missing.map(timelineLine).join('\n')}`,
        });
        return true;
      },
      find: async () => {
        const now = await issueCommentBodies(octokit, issue);
        return missing.every((entry) => now.some((comment) => hasTimelineEntry(comment, entry.id))) ? true : undefined;
      },
    });
  }
  return fresh.length - overflow.length + missing.length;
}

/** Every comment body of an issue, oldest first, page by page. */
export async function issueCommentBodies(octokit: GitHubClient, issue: IncidentIssueRef): Promise<string[]> {
  const bodies: string[] = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.issueNumber,
      per_page: PER_PAGE,
      page,
    });
    for (const comment of data) bodies.push(comment.body ?? '');
    if (data.length < PER_PAGE) return bodies;
  }
}
