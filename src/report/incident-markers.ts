// The hidden HTML comments by which leakstop recognises its own incident issues and what it has
// already written in them: which secret (fingerprint) of which repository, which locations were
// reported, and which timeline entries exist. GitHub renders none of them.
import { createHash } from 'node:crypto';

const PREFIX = '<!-- leakstop:';
const SUFFIX = ' -->';

export type MarkerName = 'fingerprint' | 'repository' | 'locations' | 'batch' | 'timeline-entry' | 'revoke-pending' | 'approval' | 'response-credential';

export function marker(name: MarkerName, value: string): string {
  return `${PREFIX}${name}=${value}${SUFFIX}`;
}

/** Where the leak response's section of a check run summary starts and ends: it is replaced, not appended. */
export const RESPONSE_START = `${PREFIX}response-start${SUFFIX}`;
export const RESPONSE_END = `${PREFIX}response-end${SUFFIX}`;

/** Where the response timeline starts and ends in an issue body: entries go before the end. */
export const TIMELINE_START = `${PREFIX}timeline-start${SUFFIX}`;
export const TIMELINE_END = `${PREFIX}timeline-end${SUFFIX}`;

/**
 * Values of `name` markers that start a line of `text`. leakstop writes its markers on lines of their
 * own, while text from the repository (paths, names) only ever appears inside a table row or after
 * a label, so a file named like a marker cannot pass for one.
 */
export function markerValues(text: string, name: MarkerName): string[] {
  const head = `${PREFIX}${name}=`;
  const values: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed.startsWith(head) && trimmed.endsWith(SUFFIX)) values.push(trimmed.slice(head.length, -SUFFIX.length));
  }
  return values;
}

/** The repository part of an incident's identity: GitHub names are case-insensitive. */
export function repositoryMarkerValue(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/** A location's id: the same commit, file and line is the same location, whichever branch or PR. */
export function locationId(location: { commit?: string; path: string; line: number }): string {
  return shortHash(`${location.commit ?? ''}\n${location.path}\n${location.line}`);
}

/**
 * One id for a whole set of locations reported together: a redelivered job recognises its own
 * earlier comment by it even when there were more locations than a comment lists ids for.
 */
export function batchDigest(locationIds: readonly string[]): string {
  return shortHash([...locationIds].sort().join(','));
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Location ids and batch digests recorded in any of `texts` (an issue body and its comments). */
export function recordedLocations(texts: readonly string[]): { ids: Set<string>; batches: Set<string> } {
  const ids = new Set<string>();
  const batches = new Set<string>();
  for (const text of texts) {
    for (const list of markerValues(text, 'locations')) for (const id of list.split(',')) if (id !== '') ids.add(id);
    for (const digest of markerValues(text, 'batch')) batches.add(digest);
  }
  return { ids, batches };
}
