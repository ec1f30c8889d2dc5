// .gitignore rules as git applies them during a directory walk: every .gitignore from the
// repository root down to the file's directory, the deeper one winning (so `!keep.env` in a
// subdirectory re-includes a file ignored above), plus .git/info/exclude at the lowest priority.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';

interface IgnoreLevel {
  ig: Ignore;
  /** Turns a path relative to the scan root into one relative to this file's directory. */
  prefix: string;
  strip: number;
}

export class GitignoreRules {
  readonly #levels: readonly IgnoreLevel[];

  private constructor(levels: readonly IgnoreLevel[]) {
    this.#levels = levels;
  }

  /** No rules: for a walk that does not honour .gitignore. */
  static none(): GitignoreRules {
    return new GitignoreRules([]);
  }

  /**
   * The rules in force at the scan root: the .gitignore files of the repository that contains it
   * (from its top down to the root) and .git/info/exclude. Outside a repository, none yet.
   */
  static async forRoot(root: string): Promise<GitignoreRules> {
    const top = await findRepositoryTop(root);
    if (top === undefined) return new GitignoreRules([]);
    const levels: IgnoreLevel[] = [];
    const exclude = await readIgnoreFile(join(top, '.git', 'info', 'exclude'));
    const toRoot = toPosix(relative(top, root));
    if (exclude) levels.push(level(exclude, toRoot, 0));
    // Ancestors of the root (and the root itself is added by enter()).
    let dir = top;
    for (const part of toRoot === '' ? [] : toRoot.split('/')) {
      const rules = await readIgnoreFile(join(dir, '.gitignore'));
      if (rules) levels.push(level(rules, toPosix(relative(dir, root)), 0));
      dir = join(dir, part);
    }
    return new GitignoreRules(levels);
  }

  /** The rules for the entries of a directory: these plus the directory's own .gitignore. */
  async enter(dirAbsolute: string | Buffer, dirRelative: string): Promise<GitignoreRules> {
    // A Buffer: the directory's path as bytes (a name on it is not UTF-8, or it goes through an open directory).
    const file = typeof dirAbsolute === 'string' ? join(dirAbsolute, '.gitignore') : Buffer.concat([dirAbsolute, Buffer.from('/.gitignore')]);
    const rules = await readIgnoreFile(file);
    if (!rules) return this;
    const strip = dirRelative === '' ? 0 : dirRelative.length + 1;
    return new GitignoreRules([...this.#levels, { ig: rules, prefix: '', strip }]);
  }

  /** Whether a path (relative to the scan root, '/'-separated) is ignored. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    const suffix = isDirectory ? '/' : '';
    for (const { ig, prefix, strip } of this.#levels) {
      const verdict = ig.test(prefix + relativePath.slice(strip) + suffix);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

function level(ig: Ignore, pathFromBase: string, strip: number): IgnoreLevel {
  return { ig, prefix: pathFromBase === '' ? '' : `${pathFromBase}/`, strip };
}

async function readIgnoreFile(file: string | Buffer): Promise<Ignore | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // Absent (the usual case) or unreadable: no rules from it, as git does.
    return undefined;
  }
  // Loaded with the first .gitignore: a tree without one (or a scan without a checkout) skips it.
  const { default: ignore } = await import('ignore');
  return ignore().add(text);
}

/** The nearest directory at or above `start` that holds a .git entry (a directory, or a worktree's file). */
export async function findRepositoryTop(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      await stat(join(dir, '.git'));
      return dir;
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
