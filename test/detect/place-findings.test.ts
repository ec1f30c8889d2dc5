// Placing findings must cost work linear in the text, not O(line) per finding: count the characters
// the placer reads from its view for many findings on one long line.
import { describe, expect, it } from 'vitest';
import { createFindingPlacer } from '../../src/detect/place-findings.js';
import { bytesView, type TextView } from '../../src/detect/text-view.js';

function countingView(view: TextView): { view: TextView; read: () => number } {
  let read = 0;
  return {
    view: {
      ...view,
      length: view.length,
      bytes: view.bytes,
      slice: (start, end) => {
        read += end - start;
        return view.slice(start, end);
      },
      newlineFrom: (from) => view.newlineFrom(from),
    },
    read: () => read,
  };
}

describe('createFindingPlacer', () => {
  it('reads each byte of a long line a bounded number of times, however many findings it holds', () => {
    const unit = 'é token=abcdefghij; ';
    const count = 5_000;
    const text = `first line\n${unit.repeat(count)}\nlast`;
    const bytes = Buffer.from(text);
    const unitBytes = Buffer.byteLength(unit);
    const { view, read } = countingView(bytesView(bytes, 0));
    const placer = createFindingPlacer(view);
    const lineStart = Buffer.byteLength('first line\n');
    for (let i = 0; i < count; i++) {
      const start = lineStart + i * unitBytes + Buffer.byteLength('é ');
      const position = placer.position(start, 'start');
      expect(position).toEqual({ line: 2, column: i * unit.length + 3 });
      expect(placer.lineHas(position.line, 'leakstop:allow')).toBe(false);
      expect(placer.position(start + 16, 'end')).toEqual({ line: 2, column: i * unit.length + 19 });
    }
    // Old code: each finding read its line (≈ count × line) and the bytes from the line start.
    expect(read()).toBeLessThan(4 * bytes.length);
  });

  it('answers offsets out of order too', () => {
    const text = 'ab\nxé yé z';
    const placer = createFindingPlacer(bytesView(Buffer.from(text), 0));
    const at = (chars: number): number => Buffer.byteLength(text.slice(0, chars));
    expect(placer.position(at(9), 'start')).toEqual({ line: 2, column: 7 });
    expect(placer.position(at(6), 'start')).toEqual({ line: 2, column: 4 });
    expect(placer.position(at(3), 'end')).toEqual({ line: 2, column: 1 });
    expect(placer.lineHas(1, 'ab')).toBe(true);
    expect(placer.lineHas(2, 'ab')).toBe(false);
  });
});
