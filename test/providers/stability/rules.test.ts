// Stability keys are `sk-` + 48 base62 characters, the length and start of OpenAI's legacy keys:
// OpenAI's marker keeps those OpenAI's even where they are named as Stability's.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';
import { randomChars } from '../random-token.js';

const engine = createEngine({ providers: allProviders });
const rules = (text: string) => engine.scanText(text).findings.map((f) => f.ruleId);

/** 48 random base62 characters with both cases and a digit, as Stability issues them. */
function stabilityKey(): string {
  for (;;) {
    const body = randomChars(48);
    if (/[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body)) return `sk-${body}`;
  }
}

describe('stability provider', () => {
  it('reports a key named as Stability\'s once, as Stability\'s', () => {
    expect(rules(`STABILITY_API_KEY=${stabilityKey()}`)).toEqual(['stability-api-key']);
  });

  it('leaves an OpenAI legacy key to OpenAI even named as Stability\'s', () => {
    expect(rules('STABILITY_API_KEY=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')).toEqual(['openai-api-key']);
  });

  it('needs the name: the same key after the word "stability" in prose is not named', () => {
    expect(rules(`API stability matters; see sk-${randomChars(48)}`)).toEqual([]);
  });
});
