// New Relic keys (https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/): user API keys
// for NerdGraph are `NRAK-` + 27 upper-case base36 characters; license (ingest) keys are 40
// characters ending in `NRAL` (36 hex, or `eu01xx` + 30 hex in the EU region); Insights insert and
// query keys are `NRII-`/`NRIQ-` + 32 characters. Browser keys (`NRJS-`) ship in every page that
// reports browser data, so they are not findings.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, notBefore, TOKEN_END, TOKEN_START } from '../boundaries.js';

const userApiKey: Rule = {
  id: 'newrelic-user-api-key',
  provider: 'newrelic',
  title: 'New Relic user API key',
  severity: 'high',
  keywords: ['NRAK-'],
  prefixes: ['NRAK-'],
  window: { before: 0, after: 32 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>NRAK-[A-Z0-9]{27})${TOKEN_END}`),
  minEntropy: 3.3,
  remediation:
    'Delete the key in New Relic (API keys, https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher), create a new one, and review recent NerdGraph changes made with the user\'s permissions.',
  samples: {
    positive: ['NEW_RELIC_API_KEY=NRAK-3E10K9FNHRQO0O5CMNGHL297YB4', 'provider "newrelic" {\n  api_key = "NRAK-13SGS83C6N0SZGSJOYQUOSI8282"\n}'],
    negative: [
      'NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'NEW_RELIC_API_KEY=NRAK-<your user key>',
      // Truncated.
      'NEW_RELIC_API_KEY=NRAK-3E10K9FNHRQO0O5CMNGHL297YB',
      // Lower case is not what New Relic issues.
      'NEW_RELIC_API_KEY=NRAK-3e10k9fnhrqo0o5cmnghl297yb4',
    ],
  },
};

const licenseKey: Rule = {
  id: 'newrelic-license-key',
  provider: 'newrelic',
  title: 'New Relic license (ingest) key',
  // It reports data into the account; it cannot read or change anything.
  severity: 'medium',
  keywords: ['NRAL'],
  window: { before: 36, after: 4 },
  pattern: new RegExp(String.raw`${notAfter('A-Za-z0-9')}(?<secret>(?:eu01xx[0-9a-f]{30}|[0-9a-f]{36})NRAL)${notBefore('A-Za-z0-9')}`),
  minEntropy: 3,
  remediation:
    'Create a new license key in New Relic (API keys, https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher), move every agent to it, then delete the leaked one.',
  samples: {
    positive: ['NEW_RELIC_LICENSE_KEY=09b9d1c816d5f390a385651a99e025882622NRAL', "license_key: 'eu01xx9d5be8a05c2d0b7e6f1134cd78a09eNRAL'"],
    negative: [
      'NEW_RELIC_LICENSE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
      'NEW_RELIC_LICENSE_KEY=000000000000000000000000000000000000NRAL',
      // Truncated.
      'NEW_RELIC_LICENSE_KEY=09b9d1c816d5f390a385651a99e02588262NRAL',
      // Part of a longer run of hex.
      'sha=abbbeeb237b854f1fc1121e542b67bc3814809b9NRAL',
    ],
  },
};

const insightsKey: Rule = {
  id: 'newrelic-insights-key',
  provider: 'newrelic',
  title: 'New Relic Insights insert or query key',
  severity: 'medium',
  keywords: ['NRII-', 'NRIQ-'],
  prefixes: ['NRII-', 'NRIQ-'],
  window: { before: 0, after: 37 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>NRI[IQ]-[A-Za-z0-9_-]{32})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the key in New Relic (API keys → Insights keys, https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher), create a new one, and move what used it to a license or user key.',
  samples: {
    positive: ['NEW_RELIC_INSERT_KEY=NRII-exdVEB4rdyn2CoSB55FvBLUREdz46uj5', "headers: { 'X-Query-Key': 'NRIQ-Qm3vT8dK1pZr6yWc0HfLs2NbXe7GuJ4a' }"],
    negative: [
      'NEW_RELIC_INSERT_KEY=NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'NEW_RELIC_INSERT_KEY=NRII-<insert key>',
      // Truncated.
      'NEW_RELIC_INSERT_KEY=NRII-exdVEB4rdyn2CoSB55FvBLUREdz46uj',
    ],
  },
};

export const newrelic: ProviderDefinition = { id: 'newrelic', name: 'New Relic', rules: [userApiKey, licenseKey, insightsKey] };
