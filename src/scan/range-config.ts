// Which repository config a range or history scan trusts. A branch under review can add a
// `.leakstop.yml` that ignores everything; the config must come from the side the branch cannot
// change: the range's base commit (for `--git A..B` and `--since A`, the commit A; for `A...B`, their
// merge base) or, for a history scan, the remote's default branch, read from git's object store,
// never from the branch's tree.
import { CONFIG_FILE_NAMES } from '../config/config-file.js';
import { GitCommandError, runGit } from './git-process.js';

export interface RangeSelection {
  range?: string;
  since?: string;
}

export interface BaseConfigText {
  /** The config file's text at the base, or undefined when the base has none. */
  text: string | undefined;
  /** The file name in the repository, when found. */
  name: string | undefined;
  /** The base as the user named it (`main`), for the report. */
  base: string;
  /** What the base is, for the report: the range's base, or the default branch. */
  role: 'the range\'s base' | 'the default branch';
}

/** The base revision the user named, and how to resolve it; undefined for history scans. */
export function rangeBase(selection: RangeSelection): { base: string; head?: string; symmetric: boolean } | undefined {
  if (selection.since !== undefined) return { base: selection.since, symmetric: false };
  const range = selection.range;
  if (range === undefined) return undefined;
  const symmetric = range.includes('...');
  const [left, right] = range.split(symmetric ? '...' : '..');
  if (right === undefined) return undefined;
  return { base: left === '' ? 'HEAD' : (left ?? 'HEAD'), head: right === '' ? 'HEAD' : right, symmetric };
}

async function commitOf(repoDir: string, revision: string): Promise<string> {
  return (await runGit(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
}

/** The base commit's config file text, read with cat-file (no filters, no textconv). */
export async function readBaseConfig(repoDir: string, selection: RangeSelection): Promise<BaseConfigText | undefined> {
  const named = rangeBase(selection);
  if (!named) return undefined;
  let commit: string;
  try {
    commit = await commitOf(repoDir, named.base);
    if (named.symmetric && named.head) commit = (await runGit(repoDir, ['merge-base', commit, await commitOf(repoDir, named.head)])).trim();
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new Error(`cannot read the config at the range's base '${named.base}': it is not a commit in this repository; fetch it (git fetch origin ${named.base}) or fix the range.`, { cause: error });
    }
    throw error;
  }
  return { ...(await configAt(repoDir, commit)), base: named.base, role: "the range's base" };
}

/**
 * Where a history scan (no range) trusts its config from: the remote's default branch, as `git
 * clone` records it (origin/HEAD), else origin/main or origin/master, as a CI checkout fetches them.
 * Undefined when the repository has none of these: the working tree is then all there is.
 */
const DEFAULT_BRANCH_REFS = ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main', 'refs/remotes/origin/master'];

export async function readDefaultBranchConfig(repoDir: string): Promise<BaseConfigText | undefined> {
  for (const ref of DEFAULT_BRANCH_REFS) {
    const commit = await commitOf(repoDir, ref).catch((error: unknown) => {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    });
    if (commit === undefined || commit === '') continue;
    const name = ref === 'refs/remotes/origin/HEAD' ? await defaultBranchName(repoDir) : ref.slice('refs/remotes/'.length);
    return { ...(await configAt(repoDir, commit)), base: name, role: 'the default branch' };
  }
  return undefined;
}

/** origin/HEAD's target as `origin/main`. */
async function defaultBranchName(repoDir: string): Promise<string> {
  const target = await runGit(repoDir, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).catch(() => '');
  return target.trim().replace(/^refs\/remotes\//, '') || 'origin/HEAD';
}

async function configAt(repoDir: string, commit: string): Promise<{ text: string | undefined; name: string | undefined }> {
  for (const name of CONFIG_FILE_NAMES) {
    const text = await runGit(repoDir, ['cat-file', 'blob', `${commit}:${name}`]).catch((error: unknown) => {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    });
    if (text !== undefined) return { text, name };
  }
  return { text: undefined, name: undefined };
}
