// A shallow clone (actions/checkout's default depth 1) holds only the newest commits: git shows each
// boundary commit as if it were a root, so whatever was added and removed before it is never read.
// A history scan is shallow when it reaches such a boundary commit; a range that stops short of
// the boundary read everything it asked for.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runGit, type GitEnvironment } from './git-process.js';

/** The boundary commits of a shallow repository (the list in .git/shallow); empty when it is not shallow. */
export async function shallowBoundary(repoDir: string, env?: GitEnvironment): Promise<ReadonlySet<string>> {
  const [isShallow = '', shallowFile = ''] = (await runGit(repoDir, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow'], env)).split('\n');
  if (isShallow.trim() !== 'true') return new Set();
  let listed: string;
  try {
    listed = await readFile(resolve(repoDir, shallowFile.trim()), 'utf8');
  } catch (error) {
    // git says shallow but the list cannot be read: then every commit may be a boundary.
    throw new Error(`git says ${repoDir} is a shallow clone but its list of boundary commits (${shallowFile.trim()}) cannot be read: check its permissions, or fetch the full history (git fetch --unshallow).`, { cause: error });
  }
  return new Set(listed.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
}
