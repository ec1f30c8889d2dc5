// Custom rules as a user would write them, for the tests of custom rules (detect, config, CLI, app).
// Acme and Initech are made-up issuers: their tokens are random characters in the format each rule
// describes, so no built-in rule knows them.
import type { CustomRuleSpec } from '../../src/detect/custom-rule.js';

/** A prefixed token, anchored at its prefix: `acme_live_` and 32 base62 characters. */
export const ACME_TOKEN = 'acme_live_wZ9djexx1WYj1RLCboxz6JV9hJOnlqEv';
export const OTHER_ACME_TOKEN = 'acme_live_ArTa9zqKqQBQG3nqOfObsilWKQlHw5a4';

export const acmeRule: CustomRuleSpec = {
  id: 'acme-api-key',
  title: 'Acme API key',
  severity: 'high',
  keywords: ['acme_live_'],
  anchor: 'keyword',
  pattern: String.raw`\bacme_live_[A-Za-z0-9]{32}\b`,
  samples: {
    positive: [`ACME_KEY="${ACME_TOKEN}"`, `acme:\n  key: ${OTHER_ACME_TOKEN}`],
    negative: ['ACME_KEY="acme_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'ACME_KEY=acme_live_0U3KktpcPCPbcI7S', `tacme_live_${'0U3KktpcPCPbcI7STPFqBDQfx8J55J4q'}`],
  },
};

/** 40 hex characters with no prefix: found only near the word `initech` (any case), the secret a named group. */
export const INITECH_SECRET = '9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d0e9f';

export const initechRule: CustomRuleSpec = {
  id: 'initech-client-secret',
  title: 'Initech client secret',
  severity: 'medium',
  keywords: ['initech'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: String.raw`(?i)initech[A-Za-z_.-]{0,20}\s*[:=]\s*["']?(?P<secret>[0-9a-f]{40})\b`,
  samples: {
    positive: [`INITECH_CLIENT_SECRET=${INITECH_SECRET}`, `initech.secret: "${INITECH_SECRET}"`],
    negative: ['INITECH_CLIENT_SECRET=${INITECH_CLIENT_SECRET}', `commit ${INITECH_SECRET} (initech)`, 'INITECH_CLIENT_SECRET=9f2c4e7a1b8d'],
  },
};
