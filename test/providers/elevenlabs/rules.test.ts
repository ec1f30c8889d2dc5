// ElevenLabs keys start `sk_` like Stripe's secret keys; the 48 hex characters after it tell them
// apart, and a Stripe key near the ElevenLabs name stays Stripe's.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';
import { HEX, randomChars } from '../random-token.js';

const engine = createEngine({ providers: allProviders });
const rules = (text: string) => engine.scanText(text).findings.map((f) => f.ruleId);

describe('elevenlabs provider', () => {
  it('reports a key near the ElevenLabs name once, as ElevenLabs\'', () => {
    expect(rules(`ELEVENLABS_API_KEY=sk_${randomChars(48, HEX)}`)).toEqual(['elevenlabs-api-key']);
  });

  it('leaves a Stripe secret key beside it to Stripe', () => {
    const stripe = engine.scanText(`# elevenlabs voice bot\nSTRIPE_SECRET_KEY=${'sk_live_'}${randomChars(99)}`).findings;
    expect(stripe.map((f) => f.provider)).toEqual(['stripe']);
  });

  it('needs the name: the same shape elsewhere is not a finding', () => {
    expect(rules(`token = "sk_${randomChars(48, HEX)}"`)).not.toContain('elevenlabs-api-key');
  });
});
