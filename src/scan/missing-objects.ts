// A repository can lack objects (a blob deleted from .git/objects, a corrupt pack, a clone cut
// short): git then stops at the first one it cannot read. These helpers tell that failure from a bad
// range, and find which files of a commit point at objects that cannot be read.
import { GitCommandError, runGitBytes, runGitWithInput, type GitEnvironment } from './git-process.js';
import { pathText } from './path-text.js';

/**
 * git's messages for an object it cannot read: missing, or present and corrupt (a combined diff of
 * a merge says a missing blob 'is not a blob').
 */
const UNREADABLE_OBJECT =
  /\b(?:unable to (?:read|unpack|parse)|could not read|cannot read|failed to read|bad object|is corrupt|is empty|is not a (?:blob|tree)|missing (?:blob|tree|commit))\b/i;
const OBJECT_ID = /\b(?:[0-9a-f]{40}|[0-9a-f]{64})\b/;
/**
 * A partial clone fetches missing blobs from its remote: a failure there is the network's (retried
 * by the app's queue), not damage to report as unread files.
 */
const FETCH_FAILURE = /promisor remote|unable to access|could not fetch/i;
const SUBMODULE_MODE = '160000';
const NO_OBJECT = /^0+$/;
/** A commit's raw diff: ~100 bytes a file, so room for a million files. */
const RAW_DIFF_LIMIT = 128 * 1024 * 1024;

/** The id of the object git could not read, when that is why the command failed. */
export function unreadableObjectIn(error: unknown): string | undefined {
  if (!(error instanceof GitCommandError) || FETCH_FAILURE.test(error.stderr) || !UNREADABLE_OBJECT.test(error.stderr)) return undefined;
  return OBJECT_ID.exec(error.stderr)?.[0];
}

/** One file a commit changed, with the blob ids of its sides (against each parent for a merge). */
export interface ChangedFile {
  path: string;
  blobs: string[];
}

/**
 * The files a commit changed, from its trees alone: `diff-tree --raw` reads no blob, and without
 * rename detection it compares no content. Undefined when a tree cannot be read either.
 */
export async function changedFiles(repoDir: string, commit: string, env?: GitEnvironment): Promise<ChangedFile[] | undefined> {
  let raw: Buffer;
  try {
    const args = ['diff-tree', '-r', '-m', '-z', '--raw', '--no-renames', '--root', '--no-commit-id', '--end-of-options', commit];
    raw = await runGitBytes(repoDir, args, RAW_DIFF_LIMIT, env);
  } catch (error) {
    if (error instanceof GitCommandError) return undefined;
    throw error;
  }
  const files = new Map<string, ChangedFile>();
  const fields = splitOnNul(raw);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ':OLDMODE NEWMODE OLDID NEWID STATUS', then the path (bytes: a name need not be UTF-8).
    const [oldMode = '', newMode = '', oldId = '', newId = ''] = fields[i]!.toString('latin1').slice(1).split(' ');
    const path = pathText(fields[i + 1]!);
    const file = files.get(path) ?? { path, blobs: [] };
    if (oldMode !== SUBMODULE_MODE && !NO_OBJECT.test(oldId)) file.blobs.push(oldId);
    if (newMode !== SUBMODULE_MODE && !NO_OBJECT.test(newId)) file.blobs.push(newId);
    files.set(path, file);
  }
  return [...files.values()];
}

function splitOnNul(bytes: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0, start); end !== -1; end = bytes.indexOf(0, start)) {
    fields.push(bytes.subarray(start, end));
    start = end + 1;
  }
  return fields;
}

/** Which of these objects cannot be read: `cat-file --batch-check` says 'missing' for absent and corrupt ones alike. */
export async function unreadableObjects(repoDir: string, ids: readonly string[], env?: GitEnvironment): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const answer = await runGitWithInput(repoDir, ['cat-file', '--batch-check'], `${unique.join('\n')}\n`, env);
  const missing = new Set<string>();
  for (const line of answer.split('\n')) {
    const [id, status] = line.split(' ');
    if (id && status === 'missing') missing.add(id);
  }
  return missing;
}
