// Confluent Cloud API keys (https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html):
// a key of 16 upper-case letters and digits and a secret of 64 base64 characters, used as the
// SASL PLAIN username and password of a Kafka client or as HTTP basic auth. The secret has no
// prefix: it is a finding when named as Confluent's (CONFLUENT_CLOUD_API_SECRET…) or when it is
// the password of a JAAS login whose username is a key, with Confluent named within the window
// (a `*.confluent.cloud` bootstrap server, usually).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

const NAMED = String.raw`confluent[A-Za-z0-9_.-]{0,24}(?:secret|password)${ASSIGN}`;
const JAAS = String.raw`username[\t ]{0,4}=[\t ]{0,4}["']?[A-Z0-9]{16}["']?[\t ]{1,4}password[\t ]{0,4}=[\t ]{0,4}["']?`;

function checkMix({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiSecret: Rule = {
  id: 'confluent-cloud-api-secret',
  provider: 'confluent',
  title: 'Confluent Cloud API secret',
  severity: 'critical',
  keywords: ['confluent'],
  keywordsIgnoreCase: true,
  window: { before: 400, after: 400 },
  pattern: new RegExp(String.raw`(?:${NAMED}|${JAAS})(?<secret>[A-Za-z0-9+/]{64})(?![A-Za-z0-9+/=])`, 'i'),
  minEntropy: 4,
  validate: checkMix,
  remediation:
    'Delete the API key in Confluent Cloud (Administration → API keys, https://confluent.cloud/settings/api-keys, or `confluent api-key delete <key>`), check the audit log for what it did, and create a new key for the service account.',
  samples: {
    positive: [
      'CONFLUENT_CLOUD_API_KEY=P29H0PKRYXG6TXG6\nCONFLUENT_CLOUD_API_SECRET=0LdghiQkfs0xOmu6DB3MBSrRXrGdeAp68Urwwy4m2Rb7tTlcu3Hdz7mNuarsVUZR',
      'bootstrap.servers=pkc-4r297.europe-west1.gcp.confluent.cloud:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="7C4H2BA3CRC55MGR" password="qokjf4wF5bPvAB6BWr27maxSRbIjoNTT82kCL/N4bxDB9hYMk6o+BCyFIlSSOFgY";',
    ],
    negative: [
      'CONFLUENT_CLOUD_API_SECRET=<your-api-secret>',
      'CONFLUENT_CLOUD_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // A JAAS login with no Confluent around it: some other Kafka.
      'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="7C4H2BA3CRC55MGR" password="qokjf4wF5bPvAB6BWr27maxSRbIjoNTT82kCL/N4bxDB9hYMk6o+BCyFIlSSOFgY";',
      // A hex digest named like a secret.
      'confluent_secret_sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
    ],
  },
};

export const confluent: ProviderDefinition = { id: 'confluent', name: 'Confluent Cloud', rules: [apiSecret] };
