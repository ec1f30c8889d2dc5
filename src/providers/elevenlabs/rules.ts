// ElevenLabs API keys (https://elevenlabs.io/docs/api-reference/authentication; sent in the
// xi-api-key header, ELEVENLABS_API_KEY): `sk_` + 48 hex characters, as every key observed has.
// `sk_` is too common a start to find alone, so a key counts only near ElevenLabs' name or header.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore } from '../boundaries.js';

const apiKey: Rule = {
  id: 'elevenlabs-api-key',
  provider: 'elevenlabs',
  title: 'ElevenLabs API key',
  severity: 'high',
  keywords: ['elevenlabs', 'xi-api-key', 'xi_api_key'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9_-')}(?<secret>sk_[0-9a-f]{48})${notBefore('A-Za-z0-9_-')}`),
  minEntropy: 3.3,
  remediation:
    'Delete the key in ElevenLabs (Developers → API Keys, https://elevenlabs.io/app/settings/api-keys), create one restricted to the endpoints and credit quota it needs, and check usage for characters you did not generate.',
  samples: {
    positive: [
      'ELEVENLABS_API_KEY=sk_55e272a0b305daef1a8ca1acfffbc3dd8c4e15578daac55d',
      'curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_34c4d55a3f85843bb84d437b5813765e60aeed148c566b02"',
    ],
    negative: [
      'ELEVENLABS_API_KEY=sk_...',
      'ELEVENLABS_API_KEY=sk_your_key_here',
      // Truncated.
      'ELEVENLABS_API_KEY=sk_55e272a0b305daef1a8ca1acfffbc3dd8c4e15578daac55',
      // No ElevenLabs context.
      'secret = "sk_55e272a0b305daef1a8ca1acfffbc3dd8c4e15578daac55d"',
    ],
  },
};

export const elevenlabs: ProviderDefinition = { id: 'elevenlabs', name: 'ElevenLabs', rules: [apiKey] };
