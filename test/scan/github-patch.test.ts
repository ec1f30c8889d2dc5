import { describe, expect, it } from 'vitest';
import { DiffParser } from '../../src/scan/diff-parser.js';
import { commitPatchLines, countAddedLines, gitOnlyReason, type GitHubCommit, type GitHubDiffEntry } from '../../src/scan/github-patch.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';

const SHA = 'a'.repeat(40);
const AUTHOR = { name: 'Mona Lisa', email: 'mona@example.test', date: '2024-05-01T10:00:00Z' };

function file(entry: Partial<GitHubDiffEntry> & { filename: string }): GitHubDiffEntry {
  return { status: 'modified', additions: 0, deletions: 0, sha: 'b'.repeat(40), ...entry };
}

function commit(files: GitHubDiffEntry[], parents = 1): GitHubCommit {
  return { sha: SHA, parents: Array.from({ length: parents }, (_, i) => ({ sha: `${i}`.repeat(40) })), commit: { author: AUTHOR }, files };
}

function parse(files: GitHubDiffEntry[], options: { maxFileBytes?: number; ignorePath?: (p: string) => boolean } = {}): SourceItem[] {
  const parser = new DiffParser({ maxFileBytes: options.maxFileBytes ?? 1024 * 1024, ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}) });
  return [...parser.push(commitPatchLines(commit(files))), ...parser.end()];
}

const COMMIT_INFO = { sha: SHA, author: AUTHOR.name, authorEmail: AUTHOR.email, date: AUTHOR.date };

describe('a commits API patch read by the diff parser', () => {
  it('keeps only added lines, numbered in the new file across context lines and several hunks', () => {
    const patch = [
      '@@ -1,4 +1,5 @@ header',
      ' line one',
      ' line two',
      '+token = SECRET_ONE',
      ' line three',
      '-old line',
      '@@ -40,3 +41,4 @@ def f():',
      ' context',
      '+second = SECRET_TWO',
      '+third',
      ' more',
    ].join('\n');

    const items = parse([file({ filename: 'src/app.py', additions: 3, deletions: 1, patch })]);

    expect(items).toEqual([
      { path: 'src/app.py', text: 'token = SECRET_ONE\nsecond = SECRET_TWO\nthird', lineNumbers: [3, 42, 43], commit: COMMIT_INFO },
    ]);
  });

  it('reads a renamed file under its new name, with only the lines the commit changed', () => {
    const patch = '@@ -10,2 +10,3 @@\n kept\n+added = SECRET_RENAMED\n kept too';

    const items = parse([file({ filename: 'new/name.txt', status: 'renamed', additions: 1, patch })]);

    expect(items).toEqual([{ path: 'new/name.txt', text: 'added = SECRET_RENAMED', lineNumbers: [11], commit: COMMIT_INFO }]);
  });

  it('skips a binary file (no patch, no lines) as binary, and reads nothing from removed, renamed-only or empty files', () => {
    const items = parse([
      file({ filename: 'logo.png', status: 'added' }),
      file({ filename: 'gone.txt', status: 'removed', deletions: 12 }),
      file({ filename: 'moved.txt', status: 'renamed' }),
      file({ filename: 'empty.txt', status: 'added', sha: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391' }),
    ]);

    expect(items).toEqual([{ path: 'logo.png', reason: 'binary', commit: SHA }]);
  });

  it('handles the last line without a newline, and CRLF lines as git does', () => {
    const patch = '@@ -0,0 +1,2 @@\n+first\r\n+last = SECRET_EOF\n\\ No newline at end of file';

    const items = parse([file({ filename: 'win.txt', status: 'added', additions: 2, patch })]);

    expect(items).toEqual([{ path: 'win.txt', text: 'first\r\nlast = SECRET_EOF', lineNumbers: [1, 2], commit: COMMIT_INFO }]);
  });

  it('keeps names with spaces, quotes, backslashes and tabs intact', () => {
    const names = ['dir with space/a b.txt', 'quote"d.txt', 'back\\slash.txt', 'tab\there.txt', 'ünïcode.txt'];
    const files = names.map((filename) => file({ filename, status: 'added', additions: 1, patch: '@@ -0,0 +1 @@\n+x' }));

    const items = parse(files);

    expect(items.map((item) => item.path)).toEqual(names);
  });

  it('applies paths.ignore and the size limit the same way as for git', () => {
    const big = `+${'x'.repeat(200)}`;
    const items = parse(
      [
        file({ filename: 'vendor/lib.js', status: 'added', additions: 1, patch: '@@ -0,0 +1 @@\n+k = SECRET_VENDOR' }),
        file({ filename: 'vendor/logo.png', status: 'added' }),
        file({ filename: 'big.txt', status: 'added', additions: 1, patch: `@@ -0,0 +1 @@\n${big}` }),
      ],
      { maxFileBytes: 100, ignorePath: (path) => path.startsWith('vendor/') },
    );

    expect(items).toEqual([
      { path: 'vendor/lib.js', reason: 'ignored-by-config', commit: SHA },
      { path: 'vendor/logo.png', reason: 'ignored-by-config', commit: SHA },
      { path: 'big.txt', reason: 'too-large', bytes: 201, commit: SHA },
    ]);
  });
});

describe('gitOnlyReason', () => {
  const complete = file({ filename: 'a.txt', additions: 1, patch: '@@ -1 +1 @@\n-a\n+b' });

  it('accepts a commit whose patches hold every added line', () => {
    expect(gitOnlyReason(commit([complete]), false)).toBeUndefined();
  });

  it('sends merges to git, where only what the merge itself added is read', () => {
    expect(gitOnlyReason(commit([complete], 2), false)).toBe('merge');
  });

  it('sends commits with 300 files or more, or another page of files, to git', () => {
    const many = Array.from({ length: 300 }, (_, i) => file({ filename: `f${i}.txt`, additions: 1, patch: '@@ -0,0 +1 @@\n+x' }));
    expect(gitOnlyReason(commit(many), false)).toBe('too-many-files');
    expect(gitOnlyReason(commit([complete]), true)).toBe('too-many-files');
    expect(gitOnlyReason({ ...commit([]), files: undefined }, false)).toBe('too-many-files');
  });

  it('sends a text file without its patch, or with fewer added lines than counted, to git', () => {
    expect(gitOnlyReason(commit([file({ filename: 'huge.sql', additions: 90_000 })]), false)).toBe('missing-patch');
    expect(gitOnlyReason(commit([file({ filename: 'cut.txt', additions: 3, patch: '@@ -0,0 +1,3 @@\n+a\n+b' })]), false)).toBe('truncated-patch');
  });

  it('does not count a removed file, which adds nothing', () => {
    expect(gitOnlyReason(commit([file({ filename: 'gone.txt', status: 'removed', additions: 0, deletions: 5 })]), false)).toBeUndefined();
  });
});

describe('countAddedLines', () => {
  it('counts lines starting with +, whatever their content', () => {
    expect(countAddedLines('@@ -1,2 +1,3 @@\n+a\n b\n+\n-c\n++d')).toBe(3);
    expect(countAddedLines('')).toBe(0);
  });
});
