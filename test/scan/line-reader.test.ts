import { describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../src/scan/line-reader.js';
import { unquoteGitPath, pathFromDiffHeader } from '../../src/scan/git-path.js';

async function linesOf(chunks: readonly string[], maxLineBytes?: number): Promise<Line[]> {
  async function* stream(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
  }
  const lines: Line[] = [];
  for await (const batch of readLines(stream(), maxLineBytes)) lines.push(...batch);
  return lines;
}

describe('readLines', () => {
  it('splits on newlines across chunk boundaries and keeps carriage returns', async () => {
    expect(await linesOf(['ab', 'c\nd\r', '\ne\rf\n', '', 'last'])).toEqual(['abc', 'd\r', 'e\rf', 'last']);
  });

  it('keeps empty lines and yields no line after a final newline', async () => {
    expect(await linesOf(['\n\nx\n'])).toEqual(['', '', 'x']);
  });

  it('replaces a line above the limit by its head and length', async () => {
    const long = `+${'z'.repeat(999)}`;
    expect(await linesOf([long.slice(0, 300), long.slice(300), '\nshort\n'], 500)).toEqual([{ head: `+${'z'.repeat(63)}`, bytes: 1000 }, 'short']);
    expect(await linesOf([long], 500)).toEqual([{ head: `+${'z'.repeat(63)}`, bytes: 1000 }]);
  });
});

describe('git paths', () => {
  it('decodes C-quoted paths, octal UTF-8 bytes included', () => {
    expect(unquoteGitPath('"tab\\there \\"q\\" back\\\\slash"')).toBe('tab\there "q" back\\slash');
    expect(unquoteGitPath('"\\303\\274ber.txt"')).toBe('über.txt');
    expect(unquoteGitPath('plain name.txt')).toBe('plain name.txt');
  });

  it('reads the path of a diff header when both sides agree, even with spaces', () => {
    expect(pathFromDiffHeader('a/dir x/b c.txt b/dir x/b c.txt')).toBe('dir x/b c.txt');
    expect(pathFromDiffHeader('"a/q\\"x" "b/q\\"x"')).toBe('q"x');
    expect(pathFromDiffHeader('a/old b/new')).toBeUndefined();
  });
});
