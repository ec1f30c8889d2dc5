// The keyword prefilter: one pass over the text finds every occurrence of every rule keyword, so
// that a rule's regex runs only near its keywords. Every keyword is anchored on three of its
// characters (a trigram). The loop reads the text two bytes at a time and looks each 16-bit word up
// in a 64 KiB table holding both pairs of every anchor trigram: a trigram starting at an even offset
// shows its first pair in a word, one starting at an odd offset its last pair. So one lookup per two
// positions finds every candidate. The few words that pass are checked against a trigram hash, and
// only then compared in full, without allocating.
// The loop reads bytes: the UTF-8 bytes of a file as read (findInBytes), or a latin1 copy of a
// string (each char's low byte, so offsets stay 1:1; find). V8 walks a byte array ~2.7x faster than
// charCodeAt on a string (666 against 243 MB/s on typescript.js).
// The same loop runs in C when the addon src/detect/native/prefilter.c was built (node-gyp, at
// `npm ci`), and in JavaScript otherwise: same index, same hits, which tests check on both.
// Measured on installed npm packages (78 MB): a combined keyword regex ran at ~85 MB/s, a lookup of
// every position's pair in JavaScript at ~560 MB/s, one lookup per word ~810 MB/s, in C ~1.8 GB/s.
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-root.js';
import { BUILTIN_ANCHORS } from './builtin-anchors.js';
import { PAIRS, TRIGRAMS } from './code-frequency.js';

export interface KeywordHit {
  /** Offset of the keyword's first character in the text (of its first byte, for findInBytes). */
  offset: number;
  /** Index into the keyword list given to buildKeywordIndex. */
  keyword: number;
}

export interface KeywordSpec {
  /** ASCII, at least 3 characters. */
  text: string;
  ignoreCase: boolean;
}

interface Entry {
  index: number;
  text: string;
  /** Char codes to compare: lower-cased for case-insensitive keywords. */
  codes: Uint8Array;
  ignoreCase: boolean;
  /** Where in the keyword its anchor trigram starts: a hit at i means the keyword starts at i - anchor. */
  anchor: number;
}

/**
 * Hits as flat pairs [offset, keyword, offset, keyword, ...], in no particular order: a keyword file
 * can have millions, and pairs of numbers cost far less to make than objects (see hitList).
 */
export type KeywordHits = ArrayLike<number>;

export interface KeywordIndex {
  /** Keywords in a string, at string offsets. */
  find(text: string): KeywordHits;
  /** Keywords in bytes (a file's UTF-8, as read), at byte offsets. Keywords are ASCII, so a hit is exact. */
  findInBytes(bytes: Uint8Array): KeywordHits;
}

/** Flat hits as objects, by offset then keyword. */
export function hitList(hits: KeywordHits): KeywordHit[] {
  const list: KeywordHit[] = [];
  for (let i = 0; i + 1 < hits.length; i += 2) list.push({ offset: hits[i]!, keyword: hits[i + 1]! });
  return list.sort((a, b) => a.offset - b.offset || a.keyword - b.keyword);
}

/** The addon's API (src/detect/native/prefilter.c). */
interface NativePrefilter {
  compile(keywords: readonly { codes: Uint8Array; anchor: number; ignoreCase: boolean }[]): unknown;
  /** Hits as [offset, keyword, offset, keyword, ...], in scan order. */
  find(index: unknown, bytes: Uint8Array): Int32Array;
}

/** Where node-gyp puts the addon. */
const NATIVE_ADDON = packageFile('build/Release/leakstop_prefilter.node');

let native: NativePrefilter | null | undefined;

/**
 * The C prefilter, or undefined when it was not built (no compiler at install) or LEAKSTOP_NATIVE=0
 * turns it off. Loaded once, on first use.
 */
export function nativePrefilter(): NativePrefilter | undefined {
  if (native === undefined) native = process.env['LEAKSTOP_NATIVE'] === '0' ? null : loadNative();
  return native ?? undefined;
}

function loadNative(): NativePrefilter | null {
  try {
    const addon: unknown = createRequire(import.meta.url)(fileURLToPath(NATIVE_ADDON));
    return isNativePrefilter(addon) ? addon : null;
  } catch {
    return null;
  }
}

function isNativePrefilter(addon: unknown): addon is NativePrefilter {
  return typeof addon === 'object' && addon !== null && 'compile' in addon && typeof addon.compile === 'function' && 'find' in addon && typeof addon.find === 'function';
}

/** Word-table flags: the word is the first pair of an anchor (trigram at p), or its last (at p - 1). */
const FIRST_PAIR = 1;
const LAST_PAIR = 2;

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

/** Digits of an entry's frequency in code-frequency.ts (base 36, per million characters). */
const WEIGHT_DIGITS = 3;

/**
 * How often `chars` occurs in code per million characters, 0 when not listed: a binary search of the
 * table's fixed-width entries (sorted by their characters), which decodes nothing but the answer.
 */
function frequencyIn(table: string, chars: string): number {
  const width = chars.length + WEIGHT_DIGITS;
  let low = 0;
  let high = table.length / width - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = mid * width;
    let order = 0;
    for (let i = 0; i < chars.length && order === 0; i++) order = chars.charCodeAt(i) - table.charCodeAt(at + i);
    if (order === 0) return parseInt(table.slice(at + chars.length, at + width), 36);
    if (order < 0) high = mid - 1;
    else low = mid + 1;
  }
  return 0;
}

/** What a triple of characters not in the table counts as: rarer than the least listed (~10 per million). */
const UNLISTED_TRIGRAM = 5;
/**
 * How much more an occurrence of an anchor trigram costs than a word passing the first lookup: the
 * word costs a second table lookup, the trigram a hash probe and a comparison of the whole keyword.
 */
const TRIGRAM_COST = 10;

/**
 * Where each keyword's anchor trigram starts, chosen for the whole set. The loop costs a second look
 * at every word whose pair passes the first lookup and a full comparison wherever an anchor trigram
 * occurs, so each keyword is anchored where code has its pairs and its trigram least
 * (code-frequency.ts), counting pairs and trigrams another keyword already uses as free: 'api_key'
 * is anchored on 'i_k', not 'api'; 'codecov' on 'cov'. Shortest keywords choose first: they have the
 * fewest trigrams to choose from. On the 221 keywords of 143 rules and 78 MB of npm packages,
 * anchors chosen by each character's commonness let 12.6% of the words pass the first lookup and
 * 900,000 anchor trigrams reach a comparison (for 63,000 keywords); these let 15.4% and 190,000.
 *
 * `known`: anchors already chosen for some keywords (by default those of the built-in rules,
 * builtin-anchors.ts), taken as they are and counted as free before the others choose. Choosing the
 * ~550 built-in anchors costs ~14 ms at every start, before the JIT has warmed up: a third of what
 * `leakstop scan` spends on its own start-up. Custom rules' keywords still choose here.
 */
export function chooseAnchors(keywords: readonly KeywordSpec[], known: ReadonlyMap<string, number> = BUILTIN_ANCHORS): number[] {
  // Pairs and trigrams as numbers (a << 8 | b, a << 16 | b << 8 | c) and typed arrays: the choice
  // runs at every engine's creation, over every case variant of every trigram of ~550 keywords.
  const pairCosts = new Int32Array(1 << 16).fill(-1);
  const pairCost = (pair: number): number => {
    if (pairCosts[pair]! < 0) pairCosts[pair] = 1 + frequencyIn(PAIRS, String.fromCharCode(pair >> 8, pair & 0xff));
    return pairCosts[pair]!;
  };
  const trigramCosts = new Map<number, number>();
  const trigramCost = (trigram: number): number => {
    let cost = trigramCosts.get(trigram);
    if (cost === undefined) {
      cost = TRIGRAM_COST * (frequencyIn(TRIGRAMS, String.fromCharCode(trigram >> 16, (trigram >> 8) & 0xff, trigram & 0xff)) || UNLISTED_TRIGRAM);
      trigramCosts.set(trigram, cost);
    }
    return cost;
  };
  const flagged = new Uint8Array(1 << 16);
  const anchored = new Set<number>();
  // Pairs already counted for the anchor being priced (a pair shows in several case variants).
  const counted = new Uint32Array(1 << 16);
  let stamp = 0;
  const anchors: number[] = new Array<number>(keywords.length).fill(0);
  const flag = (forms: readonly number[][], at: number): void =>
    forEachVariant(forms, at, (pairs, trigram) => {
      for (const pair of pairs) flagged[pair] = 1;
      anchored.add(trigram);
    });
  const toChoose: number[] = [];
  keywords.forEach((keyword, i) => {
    const at = known.get(anchorKey(keyword));
    if (at === undefined || at + 3 > keyword.text.length) toChoose.push(i);
    else {
      anchors[i] = at;
      flag(caseForms(keyword), at);
    }
  });
  const order = toChoose.sort((x, y) => keywords[x]!.text.length - keywords[y]!.text.length || x - y);
  for (const i of order) {
    const forms = caseForms(keywords[i]!);
    let bestCost = Number.POSITIVE_INFINITY;
    // Loops written out, without callbacks or arrays: this runs once per process, before the JIT
    // has optimised anything, where each closure and array of the first version cost ~15 ms.
    for (let at = 0; at + 3 <= forms.length; at++) {
      stamp++;
      let cost = 0;
      const [first, second, third] = [forms[at]!, forms[at + 1]!, forms[at + 2]!];
      for (let x = 0; x < first.length; x++) {
        for (let y = 0; y < second.length; y++) {
          const head = (first[x]! << 8) | second[y]!;
          // A new pair costs its frequency plus one, so that among rare pairs, fewer distinct ones win.
          if (flagged[head] === 0 && counted[head] !== stamp) {
            counted[head] = stamp;
            cost += pairCost(head);
          }
          for (let z = 0; z < third.length; z++) {
            const tail = (second[y]! << 8) | third[z]!;
            if (flagged[tail] === 0 && counted[tail] !== stamp) {
              counted[tail] = stamp;
              cost += pairCost(tail);
            }
            const trigram = (head << 8) | third[z]!;
            if (!anchored.has(trigram)) cost += trigramCost(trigram);
          }
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        anchors[i] = at;
      }
    }
    flag(forms, anchors[i]!);
  }
  return anchors;
}

/** How builtin-anchors.ts names a keyword: 's:' + its text, or 'i:' + its text lower-cased when case is ignored. */
export function anchorKey(keyword: KeywordSpec): string {
  return keyword.ignoreCase ? `i:${keyword.text.toLowerCase()}` : `s:${keyword.text}`;
}

/** Each character's codes as the lookup must accept it: itself, and its other case when case is ignored. */
function caseForms(keyword: KeywordSpec): number[][] {
  return [...keyword.text].map((ch) => {
    const codes = keyword.ignoreCase ? [ch.toLowerCase().charCodeAt(0), ch.toUpperCase().charCodeAt(0)] : [ch.charCodeAt(0)];
    return codes[1] === codes[0] ? [codes[0]!] : codes;
  });
}

/** Every case variant of the trigram at `at`: its two pairs and the trigram, as numbers. */
function forEachVariant(forms: readonly number[][], at: number, visit: (pairs: [number, number], trigram: number) => void): void {
  for (const a of forms[at]!) for (const b of forms[at + 1]!) for (const c of forms[at + 2]!) visit([(a << 8) | b, (b << 8) | c], (a << 16) | (b << 8) | c);
}

export interface PrefilterCost {
  /** Of every million 16-bit words of code, about how many pass the first lookup. */
  wordsPassing: number;
  /** Per million characters of code, about how many anchor trigrams reach a comparison. */
  comparisons: number;
}

/**
 * What a keyword set costs the prefilter on typical code, estimated from code-frequency.ts with the
 * anchors buildKeywordIndex would choose: the figure a new rule's keywords must not inflate
 * (test/detect/keyword-index.test.ts holds the built-in rules to a budget; bench/rule-cost.mjs prints it).
 */
export function prefilterCost(keywords: readonly KeywordSpec[]): PrefilterCost {
  const anchors = chooseAnchors(keywords);
  const pairs = new Set<number>();
  const trigrams = new Set<number>();
  keywords.forEach((keyword, i) =>
    forEachVariant(caseForms(keyword), anchors[i]!, (variantPairs, trigram) => {
      for (const pair of variantPairs) pairs.add(pair);
      trigrams.add(trigram);
    }),
  );
  let wordsPassing = 0;
  for (const pair of pairs) wordsPassing += frequencyIn(PAIRS, String.fromCharCode(pair >> 8, pair & 0xff));
  let comparisons = 0;
  for (const trigram of trigrams) comparisons += frequencyIn(TRIGRAMS, String.fromCharCode(trigram >> 16, (trigram >> 8) & 0xff, trigram & 0xff));
  return { wordsPassing: Math.min(1e6, wordsPassing), comparisons };
}

/** Keywords as both loops compare them (lower-cased when case-insensitive), each with its anchor's offset. */
export function anchoredKeywords(keywords: readonly KeywordSpec[]): Array<{ codes: Uint8Array; anchor: number; ignoreCase: boolean }> {
  const anchors = chooseAnchors(keywords);
  return keywords.map((keyword, i) => {
    const compared = keyword.ignoreCase ? keyword.text.toLowerCase() : keyword.text;
    return { codes: Uint8Array.from(compared, (ch) => ch.charCodeAt(0)), anchor: anchors[i]!, ignoreCase: keyword.ignoreCase };
  });
}

/** The case variants of a keyword's anchor trigram that the lookup must accept. */
function anchorVariants(keyword: KeywordSpec, anchor: number): string[] {
  const head = keyword.text.slice(anchor, anchor + 3);
  if (!keyword.ignoreCase) return [head];
  let variants = [''];
  for (const ch of head) {
    const [lower, upper] = [ch.toLowerCase(), ch.toUpperCase()];
    const next: string[] = [];
    for (const v of variants) {
      next.push(v + lower);
      if (upper !== lower) next.push(v + upper);
    }
    variants = next;
  }
  return variants;
}

/** A reused byte buffer: a latin1 copy of a string, or bytes moved to an even offset for 16-bit reads. */
class Scratch {
  #buffer = Buffer.allocUnsafeSlow(1 << 16);

  #reserve(length: number): Buffer {
    if (this.#buffer.length < length) this.#buffer = Buffer.allocUnsafeSlow(Math.max(length, this.#buffer.length * 2));
    return this.#buffer;
  }

  latin1(text: string): Uint8Array {
    const buffer = this.#reserve(text.length);
    const written = buffer.write(text, 0, 'latin1');
    return buffer.subarray(0, written);
  }

  copy(bytes: Uint8Array): Uint8Array {
    const buffer = this.#reserve(bytes.length);
    buffer.set(bytes);
    return buffer.subarray(0, bytes.length);
  }
}

const LITTLE_ENDIAN = endianness() === 'LE';

function assertUsable(keyword: KeywordSpec): void {
  if (keyword.text.length < 3) throw new Error(`keyword '${keyword.text}' is shorter than 3 characters: make it longer`);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(keyword.text)) throw new Error(`keyword '${keyword.text}' is not ASCII: byte offsets would not match string offsets`);
}

export interface KeywordIndexOptions {
  /** Use the C loop when it is built (default true); false runs the JavaScript loop. */
  native?: boolean;
  /** In the JavaScript loop, read two bytes at a time (little-endian machines); false reads bytes. */
  wordReads?: boolean;
}

export function buildKeywordIndex(keywords: readonly KeywordSpec[], options: KeywordIndexOptions = {}): KeywordIndex {
  const wordReads = options.wordReads ?? LITTLE_ENDIAN;
  keywords.forEach(assertUsable);
  // pairs: indexed big-endian style (first byte high), for the byte loop. words: indexed by a
  // little-endian 16-bit read (first byte low), flagged FIRST_PAIR / LAST_PAIR.
  const pairs = new Uint8Array(1 << 16);
  const words = new Uint8Array(1 << 16);
  const trigrams = new Uint8Array(1 << 16);
  const buckets = new Map<number, Entry[]>();
  const entries: Entry[] = [];
  const anchored = anchoredKeywords(keywords);
  keywords.forEach((keyword, index) => {
    const { codes, anchor } = anchored[index]!;
    const entry: Entry = { index, text: keyword.text, codes, ignoreCase: keyword.ignoreCase, anchor };
    entries.push(entry);
    for (const head of anchorVariants(keyword, anchor)) {
      const [a, b, c] = [head.charCodeAt(0), head.charCodeAt(1), head.charCodeAt(2)];
      const key = trigramKey(a, b, c);
      pairs[(a << 8) | b] = 1;
      words[a | (b << 8)]! |= FIRST_PAIR;
      words[b | (c << 8)]! |= LAST_PAIR;
      trigrams[trigramSlot(key >>> 8, key & 0xff)] = 1;
      const bucket = buckets.get(key) ?? [];
      if (!bucket.includes(entry)) bucket.push(entry);
      buckets.set(key, bucket);
    }
  });

  function textMatchesAt(text: string, offset: number, entry: Entry): boolean {
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

  function bytesMatchAt(bytes: Uint8Array, offset: number, entry: Entry): boolean {
    const codes = entry.codes;
    if (offset + codes.length > bytes.length) return false;
    for (let i = 0; i < codes.length; i++) {
      let c = bytes[offset + i]!;
      if (entry.ignoreCase && c >= 65 && c <= 90) c |= 0x20;
      if (c !== codes[i]) return false;
    }
    return true;
  }

  const scratch = new Scratch();

  /**
   * Checks the trigram starting at `p` (one of whose pairs passed) and records the keywords there,
   * compared against `text` when given (the bytes are its latin1 copy), else against the bytes.
   */
  function candidateAt(bytes: Uint8Array, text: string | undefined, p: number, hits: number[]): void {
    const pair = (bytes[p]! << 8) | bytes[p + 1]!;
    const c = bytes[p + 2]!;
    if (trigrams[trigramSlot(pair, c)] === 0) return;
    const bucket = buckets.get((pair << 8) | c);
    if (bucket === undefined) return;
    for (const entry of bucket) {
      const offset = p - entry.anchor;
      if (offset < 0) continue;
      if (text === undefined ? bytesMatchAt(bytes, offset, entry) : textMatchesAt(text, offset, entry)) hits.push(offset, entry.index);
    }
  }

  function scan(bytes: Uint8Array, text: string | undefined): number[] {
    const hits: number[] = [];
    const length = bytes.length;
    if (length < 3) return hits;
    if (!wordReads) return scanByteWise(bytes, text, hits);
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : scratch.copy(bytes);
    const view = new Uint16Array(aligned.buffer, aligned.byteOffset, length >>> 1);
    // Word k holds bytes 2k and 2k + 1. A trigram at an even p = 2k has its first pair there; one at
    // an odd p = 2k - 1 has its last pair there. Every trigram start 0 .. length - 3 is one of those.
    const last = length - 3;
    for (let k = 0; k < view.length; k++) {
      const flags = words[view[k]!]!;
      if (flags === 0) continue;
      const p = 2 * k;
      if ((flags & FIRST_PAIR) !== 0 && p <= last) candidateAt(aligned, text, p, hits);
      if ((flags & LAST_PAIR) !== 0 && p > 0) candidateAt(aligned, text, p - 1, hits);
    }
    return hits;
  }

  /** The same scan a byte at a time, for big-endian machines where the 16-bit view reads bytes swapped. */
  function scanByteWise(bytes: Uint8Array, text: string | undefined, hits: number[]): number[] {
    for (let p = 0; p + 3 <= bytes.length; p++) if (pairs[(bytes[p]! << 8) | bytes[p + 1]!] !== 0) candidateAt(bytes, text, p, hits);
    return hits;
  }

  const addon = options.native === false || keywords.length === 0 ? undefined : nativePrefilter();
  if (addon) {
    const compiled = addon.compile(entries);
    /** With `text`, the bytes are its latin1 copy: a char above U+00FF shares its low byte with another, so compare the text. */
    const nativeScan = (bytes: Uint8Array, text: string | undefined): KeywordHits => {
      const flat = addon.find(compiled, bytes);
      if (text === undefined || flat.length === 0) return flat;
      const hits: number[] = [];
      for (let i = 0; i < flat.length; i += 2) if (textMatchesAt(text, flat[i]!, entries[flat[i + 1]!]!)) hits.push(flat[i]!, flat[i + 1]!);
      return hits;
    };
    return {
      find: (text) => (text.length < 3 ? [] : nativeScan(scratch.latin1(text), text)),
      findInBytes: (bytes) => nativeScan(bytes, undefined),
    };
  }
  return {
    find: (text) => (text.length < 3 ? [] : scan(scratch.latin1(text), text)),
    findInBytes: (bytes) => scan(bytes, undefined),
  };
}
