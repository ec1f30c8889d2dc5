// Tigris object storage access keys (https://www.tigrisdata.com/docs/iam/manage-access-key/), also
// issued by `fly storage create`: an S3-style pair whose id starts `tid_` and whose secret starts
// `tsec_`. The secret is the finding; its id goes in details when it is near.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

function withKeyId({ before }: Candidate): Validation {
  const keyId = /tid_[A-Za-z0-9_]{30,60}/.exec(before)?.[0];
  return keyId === undefined ? { valid: true } : { valid: true, details: { accessKeyId: `${keyId.slice(0, 8)}…` } };
}

const secretKey: Rule = {
  id: 'tigris-secret-access-key',
  provider: 'tigris',
  title: 'Tigris secret access key',
  severity: 'critical',
  keywords: ['tsec_'],
  prefixes: ['tsec_'],
  window: { before: 0, after: 100 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>tsec_[A-Za-z0-9_+-]{50,90})(?![A-Za-z0-9_+/=-])/,
  minEntropy: 4.5,
  validate: withKeyId,
  remediation:
    'Delete the access key in the Tigris console (Access Keys, https://console.storage.dev/) or with `fly storage` for a Fly.io bucket, check the bucket for objects changed or read, and create a new key with only the buckets it needs.',
  samples: {
    positive: [
      'AWS_ACCESS_KEY_ID=tid_kcON7IccYVySgMwAc0Il7bFUbpeClt8IbKCgaV4TnzuzaO\nAWS_SECRET_ACCESS_KEY=tsec_Dt4bkfpKdlo4wYjJTCQeG6J8ZCNdw-dedjBILTZVz67l5f7eKEAK90JpDr5HTyOiA7H3kz\nAWS_ENDPOINT_URL_S3=https://fly.storage.tigris.dev',
      "secretAccessKey: 'tsec_aGa-XuZe1miD0GvObl-Vls6IhC2I4+DVap4po4AWUKap09J68+mhjJuS1qLhqZzX4DCG1C',",
    ],
    negative: [
      'AWS_SECRET_ACCESS_KEY=tsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'AWS_SECRET_ACCESS_KEY=tsec_your_secret_key',
      'AWS_SECRET_ACCESS_KEY=tsec_...',
      'const trustsec_mapping_bulk_delete_for_the_network_devices_and_their_groups = 1;',
    ],
  },
};

export const tigris: ProviderDefinition = { id: 'tigris', name: 'Tigris', rules: [secretKey] };
