// Paths relative to the repository root, as GitHub code scanning matches them against the tree and
// as baselines store them, whatever directory or file a scan was pointed at.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The top of the git work tree holding `directory`: the nearest ancestor (itself included) with a
 * `.git` entry, a directory or, in a linked worktree or submodule, a file. Walking up costs a few
 * stat calls where `git rev-parse --show-toplevel` would cost a process.
 */
export function findWorkTreeRoot(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * What goes before a finding's path (relative to the scanned directory) to make it relative to the
 * repository root: '' at the root or outside a work tree, else e.g. 'src/api/'. `scannedDirectory`
 * is the directory scanned, or the directory of a single file scanned by name.
 */
export function repositoryPathPrefix(scannedDirectory: string, workTreeRoot: string | undefined): string {
  if (workTreeRoot === undefined) return '';
  const within = relative(workTreeRoot, scannedDirectory);
  if (within === '' || within === '..' || within.startsWith(`..${sep}`)) return '';
  return `${within.split(sep).join('/')}/`;
}
