// Grafana credentials: Grafana Cloud access policy tokens (`glc_` + base64 of a JSON document) and
// service account tokens (`glsa_` + 32 alphanumerics + `_` + an 8-hex CRC32 checksum).
import { crc32 } from 'node:zlib';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** The JSON inside a cloud token: org id (o), token name (n), key (k), metadata with region (m.r). */
interface CloudTokenDocument {
  o?: unknown;
  k?: unknown;
  m?: { r?: unknown };
}

function decodeCloudToken(secret: string): CloudTokenDocument | undefined {
  const json = Buffer.from(secret.slice('glc_'.length), 'base64').toString('utf8');
  if (!json.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as CloudTokenDocument) : undefined;
  } catch {
    return undefined;
  }
}

function checkCloudToken({ secret }: Candidate): Validation {
  const document = decodeCloudToken(secret);
  if (!document || typeof document.k !== 'string') {
    return { valid: false, reason: 'does not decode to a Grafana Cloud token document' };
  }
  const details: Record<string, string> = {};
  if (typeof document.o === 'string') details['grafanaOrgId'] = document.o;
  if (typeof document.m?.r === 'string') details['grafanaRegion'] = document.m.r;
  return { valid: true, confidence: 'structure', details };
}

const cloudToken: Rule = {
  id: 'grafana-cloud-token',
  provider: 'grafana',
  title: 'Grafana Cloud access policy token',
  severity: 'high',
  keywords: ['glc_'],
  prefixes: ['glc_'],
  window: { before: 0, after: 420 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=_])/,
  minEntropy: 3.5,
  validate: checkCloudToken,
  remediation:
    'Delete the token in Grafana Cloud (Administration → Users and access → Cloud access policies, https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/) and create a new one on the same policy.',
  samples: {
    positive: [
      'GRAFANA_CLOUD_TOKEN=glc_eyJvIjoiMzI2ODA1IiwibiI6InN0YWNrLTM2MzMzNi1obC1yZWFkLW1ldHJpY3MiLCJrIjoiZTdlM3pudG54M2czU0xYcUF4d3ZibjZtIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0=',
      '  loki_key: "glc_eyJvIjoiNzg1MjA4IiwibiI6InN0YWNrLTk0OTY4MC1obC1yZWFkLW1ldHJpY3MiLCJrIjoiZ0hPcGIzbzVsQU1ndFR0QWhKYkx2bnNUIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0="',
    ],
    negative: [
      'GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Random base64 that is not a token document.
      'GRAFANA_CLOUD_TOKEN=glc_Q2x5dmRrM3BKaG9sV2ZKcE9ZcUhmUm9xT2VLd3NQdkE0bXpN',
      'static void GLC_CreateLightmapTextureArray(void);',
      'grafana_cloud_token = "glc_<your token>"',
    ],
  },
};

/** Grafana's own check: CRC32 (IEEE) of `glsa_<secret>`, written little-endian as 8 hex digits. */
function serviceAccountChecksum(prefixAndSecret: string): string {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32LE(crc32(prefixAndSecret));
  return checksum.toString('hex');
}

function checkServiceAccountToken({ secret }: Candidate): Validation {
  const separator = secret.lastIndexOf('_');
  const expected = serviceAccountChecksum(secret.slice(0, separator));
  if (secret.slice(separator + 1).toLowerCase() !== expected) {
    return { valid: false, reason: 'checksum does not match' };
  }
  return { valid: true, confidence: 'checksum' };
}

const serviceAccountToken: Rule = {
  id: 'grafana-service-account-token',
  provider: 'grafana',
  title: 'Grafana service account token',
  severity: 'high',
  confidence: 'pattern',
  keywords: ['glsa_'],
  prefixes: ['glsa_'],
  window: { before: 0, after: 48 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9_])/,
  validate: checkServiceAccountToken,
  remediation:
    'Delete the token in Grafana (Administration → Users and access → Service accounts → the account → Tokens), see https://grafana.com/docs/grafana/latest/administration/service-accounts/, and create a new one.',
  samples: {
    positive: [
      "'Authorization': 'Bearer glsa_s6uNqrk8BZudI6ikqt7vzfHhfWUfdcXT_c5c4b9fe'",
      'GRAFANA_SA_TOKEN=glsa_BWDyzSX0N0KaqdVuHdfRFIljuLPW6U2u_7f0811ab',
    ],
    negative: [
      'GRAFANA_SA_TOKEN=glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA',
      // Right shape, wrong checksum: a made-up token.
      "'Authorization': 'Bearer glsa_pITqMOBIfNH2KL4PkXJqmTyQl0D9QGxF_486f63e1'",
      'GRAFANA_SA_TOKEN=glsa_BWDyzSX0N0KaqdVuHdfRFIljuLPW6U2u_7f0811',
    ],
  },
};

export const grafana: ProviderDefinition = { id: 'grafana', name: 'Grafana', rules: [cloudToken, serviceAccountToken] };
