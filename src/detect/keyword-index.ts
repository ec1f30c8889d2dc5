// The keyword prefilter: one pass over the text finds every occurrence of every rule keyword, so
// that a rule's regex runs only near its keywords. Each position's first two characters (low byte
// of each) are looked up in a 64 KiB table that stays in cache; the few positions that pass are
// checked against a 3-character bit table, and only then compared in full, without allocating.
// The loop reads a latin1 copy of the text (each char's low byte, so offsets stay 1:1): V8 walks a
// byte array ~2.7x faster than charCodeAt on a string (666 against 243 MB/s on typescript.js).
// Measured on typescript.js (9 MB): a combined keyword regex ran at ~85 MB/s, this at > 500 MB/s.
import { endianness } from 'node:os';

export interface KeywordHit {
  /** Offset of the keyword's first character in the text. */
  offset: number;
  /** Index into the keyword list given to buildKeywordIndex. */
  keyword: number;
}

export interface KeywordSpec {
  text: string;
  ignoreCase: boolean;
}

interface Entry {
  index: number;
  text: string;
  /** Char codes to compare: lower-cased for case-insensitive keywords. */
  codes: Uint16Array;
  ignoreCase: boolean;
  /** Where in the keyword its anchor trigram starts: a hit at i means the keyword starts at i - anchor. */
  anchor: number;
}

export interface KeywordIndex {
  find(text: string): KeywordHit[];
}

function trigramKey(a: number, b: number, c: number): number {
  return ((a & 0xff) << 16) | ((b & 0xff) << 8) | (c & 0xff);
}

/**
 * A 64 KiB hash of the trigram, for the second check: a 2 MiB exact bit table missed the CPU cache
 * on every pass of the first check and cost more than the loop. Collisions only mean a Map lookup.
 */
function trigramSlot(pair: number, c: number): number {
  return (Math.imul(pair, 0x9e3779b1) >>> 16) ^ c;
}

/**
 * How common a character is in source code, roughly (0 = rare). Used to anchor each keyword on its
 * rarest three characters: 'secret' on 'ecr', not 'sec' (second, section) nor 'ret' (return). On
 * installed npm packages this cut the positions needing a full comparison from 1.9% to ~0.2%.
 */
const COMMON_CHARACTERS = ' etaoinsrlcdhupmfgy.(),;=bv\'"_w:k-/x{}\n'; // most common first
function commonness(ch: string): number {
  const rank = COMMON_CHARACTERS.indexOf(ch.toLowerCase());
  return rank === -1 ? 0 : COMMON_CHARACTERS.length - rank;
}

/** The start of the keyword's rarest 3-character run. */
function anchorOffset(keyword: string): number {
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 3 <= keyword.length; i++) {
    // The first two characters decide how often the cheap first check passes: weigh them double.
    const score = 2 * (commonness(keyword[i]!) + commonness(keyword[i + 1]!)) + commonness(keyword[i + 2]!);
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** The case variants of a keyword's anchor trigram that the rolling key must accept. */
function anchorVariants(keyword: KeywordSpec, anchor: number): string[] {
  const head = keyword.text.slice(anchor, anchor + 3);
  if (!keyword.ignoreCase) return [head];
  let variants = [''];
  for (const ch of head) {
    const forms = [...new Set([ch.toLowerCase(), ch.toUpperCase()])];
    variants = variants.flatMap((v) => forms.map((f) => v + f));
  }
  return variants;
}

/**
 * A reused latin1 copy of the text (each char's low byte, so offsets stay 1:1) with a 16-bit view
 * over the same memory, zero-padded so the loop may read one word past the end.
 */
class LatinScratch {
  #buffer = Buffer.allocUnsafeSlow(1 << 16);

  load(text: string): { bytes: Uint8Array; words: Uint16Array } {
    const needed = text.length + 4;
    if (this.#buffer.length < needed) this.#buffer = Buffer.allocUnsafeSlow(Math.max(needed, this.#buffer.length * 2));
    const written = this.#buffer.write(text, 0, 'latin1');
    this.#buffer.fill(0, written, written + 4);
    const buffer = this.#buffer;
    return { bytes: buffer, words: new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length >>> 1) };
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** Keywords anchored at different depths can report out of order. */
function sortedHits(hits: KeywordHit[]): KeywordHit[] {
  return hits.length > 1 && !isSorted(hits) ? hits.sort((a, b) => a.offset - b.offset || a.keyword - b.keyword) : hits;
}

function isSorted(hits: readonly KeywordHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.offset < hits[i - 1]!.offset) return false;
  return true;
}

/** `wordReads`: read two bytes at a time (little-endian machines); false forces the byte loop. */
export function buildKeywordIndex(keywords: readonly KeywordSpec[], options: { wordReads?: boolean } = {}): KeywordIndex {
  const wordReads = options.wordReads ?? LITTLE_ENDIAN;
  for (const k of keywords) {
    if (k.text.length < 3) throw new Error(`keyword '${k.text}' is shorter than 3 characters: make it longer`);
  }
  const pairs = new Uint8Array(1 << 16);
  const trigrams = new Uint8Array(1 << 16);
  const buckets = new Map<number, Entry[]>();
  keywords.forEach((keyword, index) => {
    const compared = keyword.ignoreCase ? keyword.text.toLowerCase() : keyword.text;
    const codes = Uint16Array.from(compared, (ch) => ch.charCodeAt(0));
    const anchor = anchorOffset(compared);
    const entry: Entry = { index, text: keyword.text, codes, ignoreCase: keyword.ignoreCase, anchor };
    for (const head of anchorVariants(keyword, anchor)) {
      const key = trigramKey(head.charCodeAt(0), head.charCodeAt(1), head.charCodeAt(2));
      pairs[key >>> 8] = 1;
      trigrams[trigramSlot(key >>> 8, key & 0xff)] = 1;
      const bucket = buckets.get(key) ?? [];
      if (!bucket.includes(entry)) bucket.push(entry);
      buckets.set(key, bucket);
    }
  });

  function matchesAt(text: string, offset: number, entry: Entry): boolean {
    if (!entry.ignoreCase) return text.startsWith(entry.text, offset);
    const codes = entry.codes;
    if (offset + codes.length > text.length) return false;
    for (let i = 0; i < codes.length; i++) {
      let c = text.charCodeAt(offset + i);
      if (c >= 65 && c <= 90) c |= 0x20; // ASCII upper to lower; keywords are ASCII
      if (c !== codes[i]) return false;
    }
    return true;
  }

  // The same pair table indexed by a little-endian 16-bit read (first byte low), so the loop can
  // read two bytes at a time: 718 against 480 MB/s for the bare loop on typescript.js.
  const pairsLE = new Uint8Array(1 << 16);
  for (let pair = 0; pair < 1 << 16; pair++) if (pairs[pair] !== 0) pairsLE[((pair & 0xff) << 8) | (pair >>> 8)] = 1;
  const scratch = new LatinScratch();

  /** Checks the trigram starting at `p` (whose pair passed) and records the keywords there. */
  function candidateAt(text: string, bytes: Uint8Array, p: number, hits: KeywordHit[]): void {
    const pair = (bytes[p]! << 8) | bytes[p + 1]!;
    const c = bytes[p + 2]!;
    if (trigrams[trigramSlot(pair, c)] === 0) return;
    const bucket = buckets.get((pair << 8) | c);
    if (bucket === undefined) return;
    for (const entry of bucket) {
      const offset = p - entry.anchor;
      if (offset >= 0 && matchesAt(text, offset, entry)) hits.push({ offset, keyword: entry.index });
    }
  }

  function find(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const length = text.length;
    if (length < 3) return hits;
    const { bytes, words } = scratch.load(text);
    if (!wordReads) return sortedHits(findByteWise(text, bytes, hits));
    // Trigram starts p = 0 .. length - 3: p = 2k reads words[k]; p = 2k + 1 straddles words[k] and words[k + 1].
    const last = length - 3;
    let word = words[0]!;
    for (let k = 0; 2 * k <= last; k++) {
      const next = words[k + 1]!;
      if (pairsLE[word] !== 0) candidateAt(text, bytes, 2 * k, hits);
      if (2 * k + 1 <= last && pairsLE[(word >>> 8) | ((next & 0xff) << 8)] !== 0) candidateAt(text, bytes, 2 * k + 1, hits);
      word = next;
    }
    return sortedHits(hits);
  }

  /** The same scan a byte at a time, for big-endian machines where the 16-bit view reads bytes swapped. */
  function findByteWise(text: string, bytes: Uint8Array, hits: KeywordHit[]): KeywordHit[] {
    for (let p = 0; p + 3 <= text.length; p++) if (pairs[(bytes[p]! << 8) | bytes[p + 1]!] !== 0) candidateAt(text, bytes, p, hits);
    return hits;
  }

  return { find };
}
