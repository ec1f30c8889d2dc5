// Scans a text of any length that arrives in chunks (piped stdin, a file too large to read whole):
// its encoding is told from its first bytes as for a file read whole (a UTF-8 BOM is dropped,
// UTF-16 with or without a BOM is decoded to UTF-8 as it comes), then the UTF-8 is scanned in
// windows (detect/window-scan.ts), so memory stays bounded whatever the length.
import type { Engine, TextScan } from '../detect/engine.js';
import { createWindowScan, SCAN_WINDOW_BYTES } from '../detect/window-scan.js';
import { utf16Order } from './utf16.js';

/** As many leading bytes as utf16Order looks at, so a stream is recognised as a whole file is. */
const SNIFF_BYTES = 8000;

export interface TextStreamScan {
  /** The next raw bytes (any encoding leakstop reads); a string is taken as UTF-8. */
  push(chunk: Uint8Array | string): void;
  /** Scans the rest: every finding, and the text's size in UTF-8 bytes. */
  end(): { bytes: number; scan: TextScan };
}

export function createTextStreamScan(engine: Pick<Engine, 'rules' | 'scanUtf8'>, windowBytes: number = SCAN_WINDOW_BYTES): TextStreamScan {
  const windows = createWindowScan(engine, windowBytes);
  let head: Buffer[] | undefined = [];
  let headBytes = 0;
  let toUtf8: ((chunk: Buffer) => Uint8Array) | undefined;

  /** Decides the encoding from the first bytes, then passes them on. */
  function startWith(first: Buffer): void {
    const order = utf16Order(first);
    if (order) {
      // TextDecoder drops a BOM and keeps a character split across chunks for the next one.
      const decoder = new TextDecoder(order === 'utf16le' ? 'utf-16le' : 'utf-16be');
      toUtf8 = (chunk) => Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    } else {
      toUtf8 = (chunk) => chunk;
      const hasUtf8Bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
      if (hasUtf8Bom) first = first.subarray(3);
    }
    head = undefined;
    windows.push(toUtf8(first));
  }

  return {
    push(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      if (toUtf8) {
        windows.push(toUtf8(bytes));
        return;
      }
      // Copied: a reader may reuse its chunk's memory for the next one.
      head!.push(Buffer.from(bytes));
      headBytes += bytes.length;
      if (headBytes >= SNIFF_BYTES) startWith(Buffer.concat(head!));
    },
    end() {
      if (!toUtf8) startWith(Buffer.concat(head ?? []));
      return { bytes: windows.bytes, scan: windows.end() };
    },
  };
}
