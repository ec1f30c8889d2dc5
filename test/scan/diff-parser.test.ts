// Diff-based scans (history, staged changes, the app's commits) hold a file's added lines whole, so
// whatever --max-file-size allows, a file's additions past MAX_DIFF_FILE_BYTES are reported
// too-large by name, with what to do instead, and the rest of the diff is still read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_FILE_BYTES } from '../../src/config/config-file.js';
import { DiffParser } from '../../src/scan/diff-parser.js';
import { readLines } from '../../src/scan/line-reader.js';
import type { SourceItem } from '../../src/scan/scan-unit.js';

const KiB = 1024;

/** A diff adding `path` with the given lines. */
function addedFile(path: string, lines: readonly string[]): string[] {
  return [`diff --git a/${path} b/${path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${path}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)];
}

function parse(lines: readonly string[], maxFileBytes: number): SourceItem[] {
  const parser = new DiffParser({ maxFileBytes });
  return [...parser.push(lines), ...parser.end()];
}

describe('DiffParser on huge additions', () => {
  const kibLine = 'x'.repeat(KiB - 1);
  const bigLines = Array.from({ length: MAX_DIFF_FILE_BYTES / KiB + 1 }, () => kibLine);
  const diff = [...addedFile('dump.sql', bigLines), ...addedFile('deploy.env', ['TOKEN=value'])];

  it('reports a file over the diff cap as too-large with what to do, under any larger --max-file-size, and reads on', () => {
    expect(parse(diff, 64 * KiB ** 3)).toEqual([
      { path: 'dump.sql', reason: 'too-large', bytes: MAX_DIFF_FILE_BYTES + KiB, detail: expect.stringMatching(/^over the 32 MiB a history or staged scan holds of one file: scan the file itself \(leakstop scan PATH --max-file-size SIZE\)/) },
      { path: 'deploy.env', text: 'TOKEN=value', lineNumbers: [1] },
    ]);
  });

  it('says nothing more when the file is over the limit the user gave', () => {
    expect(parse(diff, 1024)[0]).toEqual({ path: 'dump.sql', reason: 'too-large', bytes: MAX_DIFF_FILE_BYTES + KiB });
  });
});

describe('readLines past the diff cap', () => {
  it('keeps only the head of a line longer than MAX_DIFF_FILE_BYTES, whatever limit it is given', async () => {
    const line = Buffer.alloc(MAX_DIFF_FILE_BYTES + 1, 'y');
    const batches = [];
    for await (const batch of readLines(Readable.from([line.subarray(0, 1000), line.subarray(1000), Buffer.from('\nnext\n')]), Number.POSITIVE_INFINITY)) batches.push(...batch);
    expect(batches).toEqual([{ head: 'y'.repeat(64), bytes: MAX_DIFF_FILE_BYTES + 1 }, 'next']);
  });
});
