// Yandex Cloud credentials (https://yandex.cloud/en/docs/iam/concepts/authorization/api-key,
// https://yandex.cloud/en/docs/iam/concepts/authorization/access-key): API keys, sent as
// `Authorization: Api-Key …`, are `AQVN` + 36 base64url characters; static access keys for the
// S3-compatible APIs are a key id `YCAJ…` (25 characters) and a secret `YC…` (40). The secret is a
// finding when its key id is near (named as an AWS secret access key, as SDKs want it, the AWS
// rule reports it first).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const apiKey: Rule = {
  id: 'yandex-cloud-api-key',
  provider: 'yandex',
  title: 'Yandex Cloud API key',
  severity: 'critical',
  keywords: ['AQVN'],
  prefixes: ['AQVN'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>AQVN[A-Za-z0-9_-]{36})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the API key on its service account in the Yandex Cloud console (the folder → Service accounts → the account → API keys, https://console.yandex.cloud/, or `yc iam api-key delete`), check Audit Trails for its use, and create a new key with scopes and an expiry.',
  samples: {
    positive: [
      'headers = {"Authorization": "Api-Key AQVN6ggKrZVjUWSr0zpAPEpHvTeluysSqajED8mT", "x-folder-id": "b1gnd2qf7vdt46956g5e"}',
      'YC_API_KEY=AQVNW5OCV27J3nsK0wDJeaJu3OvnhtWcc89Sibe7',
    ],
    negative: [
      'assert request.headers["authorization"] == "Api-Key AQVN-yandex-key-123"',
      'YC_API_KEY=AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // Truncated.
      'YC_API_KEY=AQVN6ggKrZVjUWSr0zpAPEpHvTeluysSqaj',
    ],
  },
};

const staticSecretKey: Rule = {
  id: 'yandex-cloud-static-secret-key',
  provider: 'yandex',
  title: 'Yandex Cloud static access key secret',
  severity: 'critical',
  keywords: ['YCAJ'],
  window: { before: 300, after: 300 },
  // The secret begins `YC` too; (?!AJ) keeps the key id itself out.
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>YC(?!AJ)[A-Za-z0-9_-]{38})${TOKEN_END}`),
  minEntropy: 4,
  remediation:
    'Delete the static access key on its service account (the folder → Service accounts → the account → Static access keys, https://console.yandex.cloud/, or `yc iam access-key delete`), check the buckets it could reach, and create a new key.',
  samples: {
    positive: [
      // What `yc iam access-key create` prints.
      'access_key:\n  id: ajeq1m0s2lbo7kqd2vgh\n  service_account_id: ajed1o6dd5817gbt4n9p\n  created_at: "2026-11-23T18:36:41.061060561Z"\n  key_id: YCAJE5KBu8ys4SmOCC6Zas2v6\nsecret: YCNoKb8V3HhvVRdHGu7NWXpieaSllkxe6xRoy4jb',
      'access_key = "YCAJEtMO_kwb328mup6HALqrC"\nsecret_key = "YCPEh4bIJkOZb4rsCz7zV6jJnG266bYGxEvKUhkI"',
    ],
    negative: [
      // A secret-shaped value with no key id near.
      'secret_key = "YCPEh4bIJkOZb4rsCz7zV6jJnG266bYGxEvKUhkI"',
      'access_key = "YCAJEtMO_kwb328mup6HALqrC"\nsecret_key = "YCxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'key_id: YCAJEK_r3Z_EvxRAR********\nsecret: YCPQhHFMx6rnWXQC9ID425gk3V9YnUc********',
    ],
  },
};

export const yandex: ProviderDefinition = { id: 'yandex', name: 'Yandex Cloud', rules: [apiKey, staticSecretKey] };
