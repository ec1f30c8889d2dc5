// Shannon entropy of a candidate secret, in bits per character: random keys score high,
// words, repeated characters and templates score low.

/** Counts per ASCII code, reused: every candidate is measured, and a Map per call was ~2x slower. */
const asciiCounts = new Uint16Array(128);
/** The codes of one value in order of first appearance (the order the Map version summed in). */
const asciiOrder = new Uint8Array(128);

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  if (value.length < 65536 && !NON_ASCII.test(value)) return asciiEntropy(value);
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function asciiEntropy(value: string): number {
  let distinct = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (asciiCounts[code] === 0) asciiOrder[distinct++] = code;
    asciiCounts[code]!++;
  }
  let bits = 0;
  for (let i = 0; i < distinct; i++) {
    const code = asciiOrder[i]!;
    const p = asciiCounts[code]! / value.length;
    bits -= p * Math.log2(p);
    asciiCounts[code] = 0;
  }
  return bits;
}
