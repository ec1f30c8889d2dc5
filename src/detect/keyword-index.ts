// The keyword prefilter: one pass over the text finds every occurrence of every rule keyword, so
// that a rule's regex runs only near its keywords. Each position's first two characters (low byte
// of each) are looked up in a 64 KiB table that stays in cache; the few positions that pass are
// checked against a 3-character bit table, and only then compared in full, without allocating.
// The loop reads a latin1 copy of the text (each char's low byte, so offsets stay 1:1): V8 walks a
// byte array ~2.7x faster than charCodeAt on a string (666 against 243 MB/s on typescript.js).
// Measured on typescript.js (9 MB): a combined keyword regex ran at ~85 MB/s, this at > 500 MB/s.

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

function isSorted(hits: readonly KeywordHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.offset < hits[i - 1]!.offset) return false;
  return true;
}

export function buildKeywordIndex(keywords: readonly KeywordSpec[]): KeywordIndex {
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

  function find(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const length = text.length;
    if (length < 3) return hits;
    const bytes = Buffer.from(text, 'latin1');
    let pair = bytes[0]!;
    for (let i = 1; i < length - 1; i++) {
      pair = ((pair << 8) | bytes[i]!) & 0xffff;
      if (pairs[pair] === 0) continue;
      const c = bytes[i + 1]!;
      if (trigrams[trigramSlot(pair, c)] === 0) continue;
      const bucket = buckets.get((pair << 8) | c);
      if (bucket === undefined) continue;
      for (const entry of bucket) {
        const offset = i - 1 - entry.anchor;
        if (offset >= 0 && matchesAt(text, offset, entry)) hits.push({ offset, keyword: entry.index });
      }
    }
    // Keywords anchored at different depths can report out of order.
    return hits.length > 1 && !isSorted(hits) ? hits.sort((a, b) => a.offset - b.offset || a.keyword - b.keyword) : hits;
  }

  return { find };
}
