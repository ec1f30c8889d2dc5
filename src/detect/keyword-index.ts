// The keyword prefilter: one pass over the text finds every occurrence of every rule keyword, so
// that a rule's regex runs only near its keywords. A 3-character rolling key (low byte of each
// char) is looked up in a bit table; only the rare positions that hit are compared in full.
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
  lower: string;
  ignoreCase: boolean;
}

export interface KeywordIndex {
  find(text: string): KeywordHit[];
}

const KEY_BITS = 24;

function trigramKey(a: number, b: number, c: number): number {
  return ((a & 0xff) << 16) | ((b & 0xff) << 8) | (c & 0xff);
}

/** The case variants of a keyword's first three characters that the rolling key must accept. */
function headVariants(keyword: KeywordSpec): string[] {
  const head = keyword.text.slice(0, 3);
  if (!keyword.ignoreCase) return [head];
  let variants = [''];
  for (const ch of head) {
    const forms = [...new Set([ch.toLowerCase(), ch.toUpperCase()])];
    variants = variants.flatMap((v) => forms.map((f) => v + f));
  }
  return variants;
}

export function buildKeywordIndex(keywords: readonly KeywordSpec[]): KeywordIndex {
  for (const k of keywords) {
    if (k.text.length < 3) throw new Error(`keyword '${k.text}' is shorter than 3 characters: make it longer`);
  }
  const bits = new Uint32Array((1 << KEY_BITS) / 32);
  const buckets = new Map<number, Entry[]>();
  keywords.forEach((keyword, index) => {
    const entry: Entry = { index, text: keyword.text, lower: keyword.text.toLowerCase(), ignoreCase: keyword.ignoreCase };
    for (const head of headVariants(keyword)) {
      const key = trigramKey(head.charCodeAt(0), head.charCodeAt(1), head.charCodeAt(2));
      bits[key >>> 5]! |= 1 << (key & 31);
      const bucket = buckets.get(key) ?? [];
      if (!bucket.includes(entry)) bucket.push(entry);
      buckets.set(key, bucket);
    }
  });

  function matchesAt(text: string, offset: number, entry: Entry): boolean {
    if (!entry.ignoreCase) return text.startsWith(entry.text, offset);
    if (offset + entry.text.length > text.length) return false;
    return text.slice(offset, offset + entry.text.length).toLowerCase() === entry.lower;
  }

  function find(text: string): KeywordHit[] {
    const hits: KeywordHit[] = [];
    const length = text.length;
    if (length < 3) return hits;
    let a = text.charCodeAt(0);
    let b = text.charCodeAt(1);
    for (let i = 2; i < length; i++) {
      const c = text.charCodeAt(i);
      const key = trigramKey(a, b, c);
      if ((bits[key >>> 5]! & (1 << (key & 31))) !== 0) {
        const offset = i - 2;
        for (const entry of buckets.get(key)!) {
          if (matchesAt(text, offset, entry)) hits.push({ offset, keyword: entry.index });
        }
      }
      a = b;
      b = c;
    }
    return hits;
  }

  return { find };
}
