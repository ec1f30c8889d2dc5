// ngrok authtokens (https://ngrok.com/docs/guides/site-to-site-connectivity/authtoken-acls, `ngrok
// config add-authtoken <TOKEN>`) and API keys (https://ngrok.com/docs/api-reference/apikeys/create,
// whose example response shows the form): the credential's id, a 27-character KSUID, `_` and a
// base62 secret. Nothing in that form names ngrok, so it counts only within 150 characters of
// "ngrok" or "authtoken", and validate() requires the id to decode as a KSUID (a 160-bit value whose
// first 32 bits are a timestamp after ngrok's epoch of 2014) from 2015 to 2040.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH = 1_400_000_000;
const EARLIEST = Date.UTC(2015, 0, 1) / 1000;
const LATEST = Date.UTC(2040, 0, 1) / 1000;

/** The API reference's example response. */
const DOCUMENTATION_EXAMPLE = '2hrGw25xR00AovPe2eBnjyGDdAt_2mBNvXGkkXLdVSzHFmvU1';

/** Seconds since 1970 encoded in a base62 KSUID, or undefined when it is not one. */
function ksuidTime(id: string): number | undefined {
  let value = 0n;
  for (const char of id) value = value * 62n + BigInt(BASE62.indexOf(char));
  return value < 1n << 160n ? Number(value >> 128n) + KSUID_EPOCH : undefined;
}

function checkKsuid({ secret }: Candidate): Validation {
  if (secret === DOCUMENTATION_EXAMPLE) return { valid: false, reason: "example from ngrok's API reference" };
  const time = ksuidTime(secret.slice(0, 27));
  if (time === undefined || time < EARLIEST || time > LATEST) return { valid: false, reason: 'the id is not a KSUID of a plausible date' };
  return { valid: true, confidence: 'structure', details: { created: new Date(time * 1000).toISOString().slice(0, 10) } };
}

const credential: Rule = {
  id: 'ngrok-credential',
  provider: 'ngrok',
  title: 'ngrok authtoken or API key',
  severity: 'high',
  keywords: ['ngrok', 'authtoken'],
  keywordsIgnoreCase: true,
  window: { before: 150, after: 150 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9A-Za-z]{27}_[0-9A-Za-z]{20,32})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: checkKsuid,
  remediation:
    'Delete the authtoken or API key in the ngrok dashboard (https://dashboard.ngrok.com/authtokens or https://dashboard.ngrok.com/api-keys), stop any endpoint you do not know, and create a new one with ACLs.',
  samples: {
    positive: [
      'ngrok config add-authtoken 3A5ewau51vpX4RLh2QAaXwAOyr4_3ipShlpmCTd9bxNnN1Bsa',
      'version: "3"\nagent:\n  authtoken: 3EOKUFP31yR3dScUvsUUaLKtD1M_APGcBDE0IvCJm8eygCZGN',
      'NGROK_API_KEY=3Aox2ZkEdYCrLjKZKZkvfNeiN5q_sqEL2gPJcy29UNyDJkmjU',
    ],
    negative: [
      '"token": "2hrGw25xR00AovPe2eBnjyGDdAt_2mBNvXGkkXLdVSzHFmvU1"  # ngrok API reference',
      // 27 base62 characters above 160 bits: not a KSUID.
      'ngrok config add-authtoken zzzzzzzzzzzzzzzzzzzzzzzzzzz_3ipShlpmCTd9bxNnN1Bsa',
      'ngrok config add-authtoken <TOKEN>',
      // No ngrok context.
      'SESSION=3A5ewau51vpX4RLh2QAaXwAOyr4_3ipShlpmCTd9bxNnN1Bsa',
    ],
  },
};

export const ngrok: ProviderDefinition = { id: 'ngrok', name: 'ngrok', rules: [credential] };
