import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readStream } from '../../src/scan/stdin.js';
import { collect } from './helpers.js';

describe('readStream', () => {
  it('yields the whole stream as one unit, named stdin by default', async () => {
    expect(await collect(readStream(Readable.from(['line one\n', 'line two\n'])))).toEqual([{ path: 'stdin', text: 'line one\nline two\n' }]);
  });

  it('decodes a multi-byte character split across chunks, under the given name', async () => {
    const bytes = Buffer.from('clé=€', 'utf8');
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 6), bytes.subarray(6)];

    expect(await collect(readStream(Readable.from(chunks), 'pasted'))).toEqual([{ path: 'pasted', text: 'clé=€' }]);
  });

  it('yields one empty unit for an empty stream', async () => {
    expect(await collect(readStream(Readable.from([])))).toEqual([{ path: 'stdin', text: '' }]);
  });
});
