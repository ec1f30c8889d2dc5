// MongoDB Atlas service account client secrets
// (https://www.mongodb.com/docs/atlas/configure-api-access/#service-accounts): an OAuth client
// credential for the Atlas Administration API, `mdb_sa_sk_` + 40 base64url characters, next to a
// client id `mdb_sa_id_` + 24 hex digits (not a secret: it goes in details when it is near).
// Database users' passwords in `mongodb+srv://` URIs are the database provider's; legacy
// programmatic API keys (8-letter public key, UUID private key) have no shape of their own.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function withClientId({ before }: Candidate): Validation {
  const clientId = /mdb_sa_id_[0-9a-f]{24}(?![0-9a-f])/.exec(before)?.[0];
  return clientId === undefined ? { valid: true } : { valid: true, details: { clientId } };
}

const serviceAccountSecret: Rule = {
  id: 'mongodb-atlas-service-account-secret',
  provider: 'mongodb-atlas',
  title: 'MongoDB Atlas service account secret',
  // Organization or project administration: clusters, database users, network access.
  severity: 'critical',
  keywords: ['mdb_sa_sk_'],
  prefixes: ['mdb_sa_sk_'],
  window: { before: 0, after: 52 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{40})${TOKEN_END}`),
  minEntropy: 4,
  validate: withClientId,
  remediation:
    'Revoke the secret on the service account in Atlas (Organization or Project Access Manager → Applications → Service Accounts, https://cloud.mongodb.com/v2#/org/{ORG-ID}/access/apiKeys), check the activity feed for what it did, and generate a new secret with an expiry and an access list.',
  samples: {
    positive: [
      'ATLAS_CLIENT_ID=mdb_sa_id_c33d8e03b4b6054cfd7b0889\nATLAS_CLIENT_SECRET=mdb_sa_sk_gkTsXCyL7fyUqE0DK05JF9Toek5jwY7hW8T99iwW',
      "const clientSecret = process.env.ATLAS_CLIENT_SECRET || 'mdb_sa_sk_l7eEkPs5qju3mTFVs15sAl--1wnIm2rGMonwr0bS';",
    ],
    negative: [
      "placeholder: l10n.t('mdb_sa_sk_…'),",
      'ATLAS_CLIENT_SECRET=mdb_sa_sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // The client id alone is not a secret.
      'ATLAS_CLIENT_ID=mdb_sa_id_c33d8e03b4b6054cfd7b0889',
      // Truncated.
      'ATLAS_CLIENT_SECRET=mdb_sa_sk_gkTsXCyL7fyUqE0DK05JF9Toek5jwY7hW8T9',
    ],
  },
};

export const mongodbAtlas: ProviderDefinition = { id: 'mongodb-atlas', name: 'MongoDB Atlas', rules: [serviceAccountSecret] };
