// Splunk tokens. HTTP Event Collector (HEC) tokens are GUIDs
// (https://help.splunk.com/splunk-enterprise/get-data-in/collect-http-event-data/format-events-for-http-event-collector),
// sent as `Authorization: Splunk <token>`; a GUID counts only in that header or where named as a
// Splunk HEC token. Splunk Observability Cloud (SignalFx) access tokens are 22 base64url characters
// sent in the X-SF-Token header (https://docs.splunk.com/observability/en/admin/authentication/authentication-tokens/org-tokens.html),
// found only in that header or where named as one.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HEC_NAMED = String.raw`splunk[\w.:\s"'{}(),-]{0,60}?(?:hec[_.-]?token|token)[\w.-]{0,12}?${ASSIGN_OR_CALL}(?:splunk\s{1,2})?`;

const hecToken: Rule = {
  id: 'splunk-hec-token',
  provider: 'splunk',
  title: 'Splunk HTTP Event Collector token',
  // It sends events into the indexes it allows; it cannot search them.
  severity: 'medium',
  keywords: ['splunk'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 160 },
  pattern: new RegExp(String.raw`(?:splunk\s{1,2}|${HEC_NAMED})(?<secret>${GUID})(?![0-9a-z-])`, 'i'),
  minEntropy: 3,
  remediation:
    'Disable or delete the token in Splunk (Settings → Data inputs → HTTP Event Collector), create a new one for the senders, and check the indexes it could write to for events you did not send.',
  samples: {
    positive: [
      'curl https://splunk.example.com:8088/services/collector/event -H "Authorization: Splunk 0c259402-ca30-4548-959d-74216bdd9ea4" -d \'{"event": "hello"}\'',
      'SPLUNK_HEC_TOKEN=3A68A3DA-7266-4837-BA50-10535AE52C4B',
      'exporters:\n  splunk_hec:\n    token: "f7088210-329b-4b52-bc01-593ca6433e41"',
    ],
    negative: [
      'SPLUNK_HEC_TOKEN=<hec_token>',
      'SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000',
      // A GUID named as something else.
      'SPLUNK_INDEX_ID=0c259402-ca30-4548-959d-74216bdd9ea4',
      'correlation_id = "3a68a3da-7266-4837-ba50-10535ae52c4b"',
    ],
  },
};

const O11Y_NAMED = String.raw`(?:x-sf-token|signalfx[\w.:\s"'{}(),-]{0,60}?(?:access[_.-]?token|token)|splunk[_.-](?:o11y[_.-])?access[_.-]?token|sfx[_.-]token)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;

/** Random tokens mix cases and digits; a 22-letter word does not. */
function checkMixed({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const observabilityToken: Rule = {
  id: 'splunk-observability-token',
  provider: 'splunk',
  title: 'Splunk Observability Cloud access token',
  severity: 'high',
  keywords: ['x-sf-token', 'signalfx', 'splunk_access_token', 'splunk-access-token', 'splunk_o11y', 'sfx_token', 'sfx-token'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: new RegExp(String.raw`${O11Y_NAMED}(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.3,
  validate: checkMixed,
  remediation:
    'Rotate or delete the token in Splunk Observability Cloud (Settings → Access Tokens, https://app.signalfx.com/#/organization/current?selectedKeyValue=sf_section:accesstokens), update the collectors, and check for data or API changes you did not make.',
  samples: {
    positive: [
      'SPLUNK_ACCESS_TOKEN=ehlAC997l1YOpfEHTiFnJw',
      'curl -X POST https://ingest.us1.signalfx.com/v2/datapoint -H "X-SF-Token: 2PEIKOa1ecPG7ofmHfNPrV" -d @points.json',
    ],
    negative: [
      'SPLUNK_ACCESS_TOKEN=<access_token>',
      'SPLUNK_ACCESS_TOKEN=${SPLUNK_ACCESS_TOKEN}',
      // A 22-character word, not a random token.
      'signalfx:\n  access_token: "organizationaltokenkey"',
      // Not named as an access token.
      'SPLUNK_REALM_ID=ehlAC997l1YOpfEHTiFnJw',
    ],
  },
};

export const splunk: ProviderDefinition = { id: 'splunk', name: 'Splunk', rules: [hecToken, observabilityToken] };
