// LineIndex finds line starts only as far as asked: in any query order it must answer as if it
// had indexed the whole text.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/detect/line-index.js';
import { bytesView } from '../../src/detect/text-view.js';

function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

describe('LineIndex', () => {
  it('answers positions and line texts in any order, over strings and byte views', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: random(12) }, () => ['a', 'bc', '\n', '\n\n', 'xyz '][random(5)]).join('');
      const lines = text.split('\n');
      for (const index of [new LineIndex(text), new LineIndex(bytesView(Buffer.from(text), 0))]) {
        for (let q = 0; q < 8; q++) {
          const offset = random(text.length + 1);
          expect(index.position(offset), JSON.stringify({ text, offset })).toEqual(naive(text, offset));
          const line = 1 + random(lines.length + 1);
          expect(index.lineText(line), JSON.stringify({ text, line })).toBe(lines[line - 1] ?? '');
        }
      }
    }
  });

  it('reads only as far as the offsets asked for', () => {
    let read = 0;
    const text = `first line\n${'filler\n'.repeat(10_000)}`;
    const index = new LineIndex({
      length: text.length,
      slice: (start: number, end: number) => text.slice(start, end),
      newlineFrom: (from: number) => {
        read++;
        return text.indexOf('\n', from);
      },
    });
    expect(index.position(3)).toEqual({ line: 1, column: 4 });
    expect(index.lineText(1)).toBe('first line');
    expect(read).toBeLessThan(5);
  });
});
