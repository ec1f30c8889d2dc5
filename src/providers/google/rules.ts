// Google credentials: API keys (AIza + 35 characters, and the newer AQ. authentication keys) and
// service account key files, the JSON
// that `gcloud iam service-accounts keys create` downloads. In a key file the secret is the
// private key; the key id and client email beside it say which key to delete, so they go in
// details. Key files are multi-line and their fields may come in any order (tools that sort keys
// put "type" last), so the rule looks for the private_key field anywhere near "service_account".
import { decodeBase64, isDerSequence } from '../../detect/checksum.js';
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'google-api-key',
  provider: 'google',
  title: 'Google API key',
  severity: 'high',
  keywords: ['AIza'],
  prefixes: ['AIza'],
  window: { before: 0, after: 39 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  remediation:
    'Delete or regenerate the key at https://console.cloud.google.com/apis/credentials, then restrict its replacement to the APIs and referrers or apps that need it (keys shipped in browser or mobile apps must be restricted, not secret).',
  samples: {
    positive: [
      'GOOGLE_API_KEY=AIzamT_IT0_b_xZrtMkG21OCgivFgRbIAoYlOx2',
      '<script src="https://maps.googleapis.com/maps/api/js?key=AIzaomIi_nKRRzhvyEFIgTgcM9eeL9DyRX2oR2A&callback=initMap"></script>',
    ],
    negative: [
      'GOOGLE_API_KEY=AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
      'GOOGLE_API_KEY=AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'GOOGLE_API_KEY=<YOUR_API_KEY>',
      // Truncated.
      'GOOGLE_API_KEY=AIzaPoGvBkpyvomeKLUSYo4etlQy4VaVHqru-p',
      // Inside a longer base64 blob.
      'data = "GWw4hjABFzZCGiRpmlDyDdo87Jn9BN9THUA47muVRNunLxsa82tMAdvmrhOqNkRKiYMEAFbTJAIzaPoGvBkpyvomeKLUSYo4etlQy4VaVHqru-pt"',
    ],
  },
};

const BEGIN = '-----BEGIN PRIVATE KEY-----';
const END = '-----END PRIVATE KEY-----';
/** A quote, backslash-escaped when the whole JSON sits inside another string. */
const Q = String.raw`\\?["']`;
const COLON = String.raw`\s{0,4}:\s{0,4}`;
const COMMA = String.raw`\s{0,8},\s{0,8}`;
/** The PEM body of a JSON string: base64 and `\n` escapes, stopping at the dashes of the END line. */
const PEM_IN_JSON = String.raw`${BEGIN}[A-Za-z0-9+/=\\]{64,8192}${END}`;
const KEY_ID_FIELD = String.raw`(?:${Q}private_key_id${Q}${COLON}${Q}(?<keyId>[0-9a-f]{40})${Q}${COMMA})?`;
const KEY_FIELD = String.raw`${Q}private_key${Q}${COLON}${Q}(?<secret>${PEM_IN_JSON})(?:\\{1,2}n)?${Q}`;
/** What follows the key: client_email in Google's field order, private_key_id in sorted order. */
const FOLLOWING_FIELD = String.raw`(?:${COMMA}${Q}(?:client_email${Q}${COLON}${Q}(?<clientEmail>[^"'\\${ASCII_SPACE}]{1,200})|private_key_id${Q}${COLON}${Q}(?<keyIdAfter>[0-9a-f]{40}))${Q})?`;

const SERVICE_ACCOUNT_EMAIL = /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;

/** The private key must be base64 DER, and the fields around it say which key of which account. */
function checkServiceAccountKey({ secret, groups }: Candidate): Validation {
  const body = secret.slice(BEGIN.length, -END.length).replace(/\\+[nr]/g, '');
  const der = decodeBase64(body);
  if (!der || !isDerSequence(der)) return { valid: false, reason: 'private key body is not base64 DER' };
  const details: Record<string, string> = {};
  const clientEmail = groups['clientEmail'];
  if (clientEmail !== undefined) {
    details['clientEmail'] = clientEmail;
    const project = SERVICE_ACCOUNT_EMAIL.exec(clientEmail)?.[1];
    if (project !== undefined) details['projectId'] = project;
  }
  const keyId = groups['keyId'] ?? groups['keyIdAfter'];
  if (keyId !== undefined) details['privateKeyId'] = keyId;
  return { valid: true, confidence: 'structure', details };
}

/** A throwaway 1024-bit RSA key generated for these samples; it belongs to no account. */
const SAMPLE_KEY_A = [
  BEGIN,
  'MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAKjYDj7cCzviYk39',
  'UlZLaSYCjnyDJSjlqnRdvX7gNtfSC6yKUHL1xvwDxNbG/cf+JhZRTgZ+CpMyBnZb',
  'EvVvvHq3ijR0gBuMKTTvhT085c3aWI7pxC1cx04l8bner2n82Y5B5oX0tMJGLqXV',
  'tnQ4+a4bN4hr2HmQ8KPLzf/41hI5AgMBAAECgYEAmT/hTjSzDZug1mDDRwgTXCid',
  '4221YLV0TUJ4KJyhqqo/Zk/0TSO/hCZ3lunuloObVk5dn47vUkLpkqt/Pb45Nz8q',
  'l9TRCctaW7lgyeA9ZgR7zz02LBAugy9pZ2RIPFKT5m6YsRY9Saugt5enrULPNdsx',
  'QAUel5Dw0wGRTXmnvbECQQDcZSofQk6eG7yoar29vsM1iC8cf1eC3VdkpVBeInVw',
  '370o++1YtdyvW+SOBbVzvscCv3lOKKAw/arMU1hXRASfAkEAxB7mJnK1EZDfq6Ke',
  'NAw+6rKlRqk1eAUdPSfjPMK7Pn3QmsVPd/joEGrvuUa3QQ2xqwEkqJkxDSUIg+2D',
  '93viJwJAYu/XFOlDOZ7h9gjU3JUCNMnJvFU+B7UtQjUj+t4lMmJ+HCPbzHL3epEZ',
  '7NeLOUZvOECUSA3cu6FkRw0zHxmdqQJAAhLlkiCCY6Yph1IX5CsA+1BaSQ3+/77m',
  'GUBzua/BdR61dv2BIp6iLZJD6KyjwW9YoptHfPTpvN7YYTTAwXww3wJBAI++Qrk+',
  'qlKdFoWdbSArzNXrp0zwFqqER4gKv4TWu6m1O5bAAXME7ZvmQGhFPGgdaG6EYHFb',
  'acpx0NlnB+0JSPY=',
  END,
  '',
].join('\\n');

/** Another throwaway key, for the second sample. */
const SAMPLE_KEY_B = [
  BEGIN,
  'MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBANDNIfOxXsZVPLoH',
  'U18gpchH7uYROSTnxS2byw5asdNUvR34Kn8mtVeaQsTuosYAV2kIKsXwHsVW47uN',
  'cEll4Epn9fyVGglPn1VtQmzHE14EP0V/rcmaekHS92xq7bDQfp9tnHyuV/n7yZvl',
  'YwpVA4F4pSMjp5NkbxkmBBH27VKFAgMBAAECgYB3uUeAffGD85fwawbpAsVMQ8K9',
  '9J45hRPQhQY3YtWYAXy21Hc5lS5h3rfuR47ZzZRRSzeLa5WZPasy/XSnAV1LAyhj',
  '9DE7B25W5VswiDCucyprUF/xVZ5KjelVfqHZ1ta/Rdl30E0Q+KI7cX14xj7sI8Ue',
  'Tm3L9NN8klxLIr8xeQJBAPR6F3Wkg44BrL675r2g4O2Yb1is/tAL1fAb+YFfRl5m',
  'biNcDGrdAsHmXraAGfyfCq3ag0JB1Owpg9kH2vf3vbsCQQDapJJY2mTEBKXkBEF6',
  '6+kDWlC3pq2tWDKo6S/ZsAoA1u2VWP45Vlw+biG0FAOnYOs9gWBEuRJlQU8ekpVs',
  'dgy/AkBo6qB4tyJR5fwZWpAaXxlIPbvDJXKxG/My+P5pe9a6GmE3wX/+uFw/lDqf',
  'PXhphmNR2s2ruI7EzsgrcoiRE/uTAkAVhYuOSXkPvnFh33Velygpl1NIsJR58quR',
  '6to18FkbugxK3iawGCseThLtOeceK7EcLcb/HMSNyP7zwHQK6BfbAkBxito8zhK7',
  'eF2xVGsubLPbL/41DmyDQgbkKa5CXKyOON/bLRvbJZCBp7/jv2Wlk3FMjAHe0Pzm',
  '8rVVAitE/8Lq',
  END,
  '',
].join('\\n');

/** A key file as Google writes it. */
const KEY_FILE = [
  '{',
  '  "type": "service_account",',
  '  "project_id": "acme-billing-prod",',
  '  "private_key_id": "cd3c4167e1fcf4a24f7301f76823c9ca5bd7bdad",',
  `  "private_key": "${SAMPLE_KEY_A}",`,
  '  "client_email": "invoice-worker@acme-billing-prod.iam.gserviceaccount.com",',
  '  "client_id": "104338812045697118052",',
  '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
  '  "token_uri": "https://oauth2.googleapis.com/token"',
  '}',
].join('\n');

/** The same kind of file with sorted keys, pasted on one line into an environment file. */
const KEY_FILE_SORTED_ONE_LINE =
  `GOOGLE_CREDENTIALS='{"auth_uri":"https://accounts.google.com/o/oauth2/auth","client_email":"etl-runner@data-lake-staging.iam.gserviceaccount.com",` +
  `"client_id":"117740293318560244371","private_key":"${SAMPLE_KEY_B}","private_key_id":"fdb54136b23f03c18d7e5563009a9bac58ce0d95",` +
  `"project_id":"data-lake-staging","token_uri":"https://oauth2.googleapis.com/token","type":"service_account"}'`;

const serviceAccountKey: Rule = {
  id: 'gcp-service-account-key',
  provider: 'google',
  title: 'Google Cloud service account key',
  severity: 'critical',
  keywords: ['service_account'],
  // A key file is ~2.4 KB with a 2048-bit key, ~4 KB with a 4096-bit one.
  window: { before: 5000, after: 5000 },
  pattern: new RegExp(KEY_ID_FIELD + KEY_FIELD + FOLLOWING_FIELD),
  // The DER check in validate() is stricter than the shared placeholder heuristics.
  skipPlaceholderCheck: true,
  validate: checkServiceAccountKey,
  remediation:
    'Delete the key in the Google Cloud console (IAM & Admin → Service accounts → the account → Keys, https://console.cloud.google.com/iam-admin/serviceaccounts) or with `gcloud iam service-accounts keys delete <key id> --iam-account <client email>`, then check Cloud Audit Logs for its use; prefer workload identity over key files.',
  samples: {
    positive: [KEY_FILE, KEY_FILE_SORTED_ONE_LINE],
    negative: [
      // A placeholder where the key should be.
      '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n<your private key>\\n-----END PRIVATE KEY-----\\n"\n}',
      // Truncated in documentation.
      '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\\n-----END PRIVATE KEY-----\\n"\n}',
      // Base64, but not a DER structure: made-up text.
      '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nTm90IGEgcmVhbCBrZXksIGp1c3Qgc29tZSB0ZXh0IGluIGEgdGVzdCBmaXh0dXJlIGZvciB0aGUgc2Nhbm5lcg==\\n-----END PRIVATE KEY-----\\n"\n}',
      // Keyless workload identity federation config.
      '{\n  "type": "external_account",\n  "audience": "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/github",\n  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/ci@acme.iam.gserviceaccount.com:generateAccessToken"\n}',
    ],
  },
};

// Authentication keys, the API keys Google AI Studio issues for the Gemini API since 2026 and the
// Cloud console for keys bound to a service account (https://ai.google.dev/gemini-api/docs/api-key):
// `AQ.Ab` then base64url characters. Google documents the prefix, not the length, so the rule takes
// any run of 30 to 160 that stands alone.
const authKey: Rule = {
  id: 'google-auth-key',
  provider: 'google',
  title: 'Google API authentication key (Gemini)',
  severity: 'high',
  keywords: ['AQ.Ab'],
  prefixes: ['AQ.Ab'],
  window: { before: 0, after: 170 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>AQ\.Ab[A-Za-z0-9_-]{30,160})(?![A-Za-z0-9_.-])/,
  minEntropy: 4,
  remediation:
    'Delete the key in Google AI Studio (https://aistudio.google.com/apikey) or at https://console.cloud.google.com/apis/credentials, check the project\'s Gemini API usage and billing for calls you did not make, and create a new key.',
  samples: {
    positive: [
      'GEMINI_API_KEY=AQ.Ab8RN6EdRta0-LhCsr-eQ32WWlKcJ5EYvb1xDvKoyoQjKX1GpJ',
      'client = genai.Client(api_key="AQ.Ab8RN6XSzR4ZdofxjxPfDDHm9uyxu94btzyopGFshGG2JwSEcW")',
    ],
    negative: [
      'GEMINI_API_KEY=AQ.Ab...',
      'GEMINI_API_KEY=AQ.Abxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'GEMINI_API_KEY=AQ.Ab8RN6EdRta0-LhCsr',
      // Inside a dotted base64url value (a JWT's payload and signature).
      'token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0gAQ.Ab8RN6EdRta0-LhCsr-eQ32WWlKcJ5EYvb1xDvKoyoQjKX1GpJ"',
    ],
  },
};

export const google: ProviderDefinition = { id: 'google', name: 'Google', rules: [apiKey, serviceAccountKey, authKey] };
