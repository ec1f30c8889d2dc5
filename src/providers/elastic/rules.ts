// Elasticsearch and Elastic Cloud API keys (https://www.elastic.co/docs/deploy-manage/api-keys/elasticsearch-api-keys):
// the `encoded` value the create API returns is base64 of `<id>:<api_key>` (a 20-character id and
// a 22-character key), sent as `Authorization: ApiKey …`. validate() decodes it, so only a value
// of that structure named as an API key near "elastic" (or in an ApiKey header) is a finding.
// Serverless `essu_` keys are not covered: Elastic does not document their format.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkEncoded({ secret }: Candidate): Validation {
  const decoded = decodeBase64(secret)?.toString('latin1');
  const match = decoded === undefined ? null : /^([A-Za-z0-9_-]{20}):[A-Za-z0-9_-]{22}$/.exec(decoded);
  if (!match) return { valid: false, reason: 'does not decode to <id>:<api key>' };
  return { valid: true, confidence: 'structure', details: { apiKeyId: match[1]! } };
}

const apiKey: Rule = {
  id: 'elastic-api-key',
  provider: 'elastic',
  title: 'Elasticsearch API key',
  severity: 'high',
  keywords: ['elastic', 'Elastic', 'ELASTIC', 'ApiKey '],
  window: { before: 200, after: 200 },
  pattern: new RegExp(String.raw`(?:ApiKey[\t ]{1,4}|api[_.-]?key${ASSIGN})(?<secret>[A-Za-z0-9+/]{58}==)(?![A-Za-z0-9+/=])`, 'i'),
  validate: checkEncoded,
  remediation:
    'Invalidate the key (Kibana → Stack Management → API keys, or DELETE /_security/api_key with its id; in Elastic Cloud, Organization → API keys at https://cloud.elastic.co/account/keys), check the audit log for its use, and create a new key with only the privileges needed and an expiry.',
  samples: {
    positive: [
      'ELASTIC_API_KEY=MkhoV1NKcXFENHpBNGktcEMxOFA6OXZ2UnVlRTJINXlTT3dIWWlfUnlBaQ==',
      'curl -H "Authorization: ApiKey WjdfRGY0OVJ4aWN1TmJKeElnbWs6WFdEUHFvX1pRNFoxZ1RCTjFXbjhBNQ==" https://my-deployment.es.us-east-1.aws.elastic.cloud/_cat/indices',
    ],
    negative: [
      'ELASTIC_API_KEY=<your encoded API key>',
      // base64 of something else.
      'ELASTIC_API_KEY=dGhpcyBpcyBub3QgYW4gYXBpIGtleSBhdCBhbGwsIGp1c3QgdGV4dCBoZXJlISE==',
      'ELASTIC_API_KEY=${ELASTIC_API_KEY}',
      // Truncated.
      'ELASTIC_API_KEY=MkhoV1NKcXFENHpBNGktcEMxOFA6OXZ2UnVlRTJINXlTT3dIWWlfUn==',
    ],
  },
};

export const elastic: ProviderDefinition = { id: 'elastic', name: 'Elastic', rules: [apiKey] };
