// Piped text (`leakstop scan --stdin`): the whole stream is one unit, named like a file.
import { decodeText } from './file-content.js';
import type { ScanUnit } from './scan-unit.js';

export async function* readStream(stream: AsyncIterable<Buffer | string>, name = 'stdin'): AsyncGenerator<ScanUnit> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  // Decoded once at the end: a multi-byte character may be split across chunks.
  yield { path: name, text: decodeText(Buffer.concat(chunks)) };
}
