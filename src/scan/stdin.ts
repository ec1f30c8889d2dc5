// Piped text (`leakstop scan --stdin`): the whole stream is one unit, named like a file, scanned in
// windows as it arrives (text-stream-scan.ts), so that no length of input fills memory.
import { SCAN_WINDOW_BYTES } from '../detect/window-scan.js';
import type { TextStream } from './scan-unit.js';

export async function* readStream(stream: AsyncIterable<Uint8Array | string>, name = 'stdin', windowBytes = SCAN_WINDOW_BYTES): AsyncGenerator<TextStream> {
  yield { path: name, stream, windowBytes };
}
