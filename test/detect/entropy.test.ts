import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/detect/entropy.js';

/** The definition, written plainly: bits per character over the value's code points. */
function reference(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

describe('shannonEntropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcd')).toBe(2);
  });

  it('gives exactly the plain definition, ASCII or not, however often it is called', () => {
    const alphabet = [...'abcABC012+/=_-xyz é日🔑\n'];
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 5000; round++) {
      const value = Array.from({ length: random(80) }, () => alphabet[random(alphabet.length)]).join('');
      expect(shannonEntropy(value), JSON.stringify(value)).toBe(reference(value));
    }
  });
});
