// Honeycomb API keys (https://docs.honeycomb.io/api/authentication): a key id names the type in its
// prefix, `hc` + the region's letter (`a` for the US) + `ik_` for an ingest key, `ic_` for a Classic
// ingest key, `mk_` for a management key, then 26 characters; its secret is 32 more. Ingest keys are
// sent whole, id and secret joined (64 characters, X-Honeycomb-Team); management keys as
// `id:secret` (Authorization: Bearer). Configuration keys have no prefix: 22 base62 characters (32 hex
// for Honeycomb Classic), so they count only where named as a Honeycomb key or sent in the header.
// Other regions' letters are not published; only the US `a` is a keyword here.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT, TOKEN_END, TOKEN_START } from '../boundaries.js';

const ID = '[0-9a-z]{26}';
const SECRET = '[0-9a-z]{32}';
const KEYS_PAGE = 'https://ui.honeycomb.io/ (Environment settings → API keys)';

const ingestKey: Rule = {
  id: 'honeycomb-ingest-key',
  provider: 'honeycomb',
  title: 'Honeycomb ingest key',
  // It sends telemetry (and may create datasets); it cannot read anything.
  severity: 'medium',
  keywords: ['hcaik_', 'hcaic_'],
  prefixes: ['hcaik_', 'hcaic_'],
  window: { before: 0, after: 64 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>hca(?:ik|ic)_${ID}${SECRET})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation: `Delete the ingest key in Honeycomb (${KEYS_PAGE}), create a new one, move every sender to it, and check the environment for datasets or events you did not send.`,
  samples: {
    positive: [
      'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcaik_01jt4qrr65gpg3p053sgab7zyr5ps8rrwk2xvlk9plsoyh1jt6w0606xnj"',
      '"honeycomb": { "apiKey": "hcaic_01khhbq5kbc7h8g1a5d7v747nhvb6jfbt1xtq018o4g7nw67ssc24nh79y" }',
    ],
    negative: [
      'HONEYCOMB_API_KEY=hcaik_xxxxxxxxxxxx',
      'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcaik_01jt4qrr65gpgxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      // Truncated: the key id alone, without its secret.
      'HONEYCOMB_API_KEY=hcaik_01jt4qrr65gpg3p053sgab7zyr',
      // Upper case is not what Honeycomb issues.
      'HONEYCOMB_API_KEY=hcaik_01JT4QRR65GPG3P053SGAB7ZYR5PS8RRWK2XVLK9PLSOYH1JT6W0606XNJ',
    ],
  },
};

const managementKey: Rule = {
  id: 'honeycomb-management-key',
  provider: 'honeycomb',
  title: 'Honeycomb management key',
  severity: 'critical',
  keywords: ['hcamk_'],
  prefixes: ['hcamk_'],
  window: { before: 0, after: 65 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>hcamk_${ID}:${SECRET})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the management key in Honeycomb (Team settings → API keys, https://ui.honeycomb.io/), create a new one with only the scopes it needs, and review the team\'s environments and API keys for changes made with it.',
  samples: {
    positive: [
      'curl https://api.honeycomb.io/2/teams/acme/api-keys -H "Authorization: Bearer hcamk_01jxbtt4h9fve6gksgqf00jcqj:cdomow6lwa8dikec9bh1shhn1iazsrt7"',
      'HONEYCOMB_MANAGEMENT_KEY=hcamk_01j0y390bfa97bmvdb2gtve6a3:2eaxjve25qb2hvege0tezxncqmwxkp71',
    ],
    negative: [
      'management_key="hcamk_xxx"',
      // The key id alone is not the secret.
      'HONEYCOMB_KEY_ID=hcamk_01j0y390bfa97bmvdb2gtve6a3',
      // Truncated secret.
      'HONEYCOMB_MANAGEMENT_KEY=hcamk_01j0y390bfa97bmvdb2gtve6a3:2eaxjve25qb2hvege0tezxncqmwxkp7',
    ],
  },
};

const NAMED = String.raw`honeycomb[\w.:\s"'{},-]{0,60}?(?:api[_.-]?key|write[_.-]?key|team|key)[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}`;
const HEADER = String.raw`x-honeycomb-team["']?\s{0,4}[:=,]\s{0,4}["']?`;

/** Configuration keys are random base62: both cases and a digit; Classic keys are hex. */
function checkConfigurationKey({ secret }: Candidate): Validation {
  if (secret.length === 32) return { valid: true, details: { keyType: 'Classic key' } };
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const configurationKey: Rule = {
  id: 'honeycomb-configuration-key',
  provider: 'honeycomb',
  title: 'Honeycomb configuration key',
  severity: 'high',
  keywords: ['honeycomb'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`(?:${HEADER}|${NAMED})(?<secret>[A-Za-z0-9]{22}|[0-9a-f]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.3,
  validate: checkConfigurationKey,
  remediation: `Delete the key in Honeycomb (${KEYS_PAGE}), create a new one with only the permissions it needs, and check the environment's boards, triggers and SLOs for changes you did not make.`,
  samples: {
    positive: [
      'HONEYCOMB_API_KEY=zCb146Tqn6MnigRQ4H2aYD',
      'OTEL_EXPORTER_OTLP_ENDPOINT=https://api.honeycomb.io\nOTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=pu87Ia5y05Uczkzc1DFmd9"',
      'honeycomb:\n  writekey: "0aabcd9ea08903c9c5a8055b44e8c1ae"\n  dataset: production',
    ],
    negative: [
      'HONEYCOMB_API_KEY=your_honeycomb_api_key',
      'HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}',
      'HONEYCOMB_DATASET=production-traces-eu1',
      // A 22-letter word is not a random key.
      'HONEYCOMB_API_KEY=honeycombconfiguration',
      // Not named as a Honeycomb key.
      'session_id = "zCb146Tqn6MnigRQ4H2aYD"',
    ],
  },
};

export const honeycomb: ProviderDefinition = { id: 'honeycomb', name: 'Honeycomb', rules: [ingestKey, managementKey, configurationKey] };
