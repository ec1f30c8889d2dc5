// The service account rule's details: which key of which account to delete, read from the fields
// around the private key in either field order.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { google } from '../../../src/providers/google/rules.js';

const engine = createEngine({ providers: [google] });
const rule = google.rules.find((r) => r.id === 'gcp-service-account-key')!;

describe('google provider', () => {
  it('names the key, account and project of a key file in Google field order', () => {
    const [finding] = engine.scanText(rule.samples.positive[0]!).findings;
    expect(finding).toMatchObject({
      ruleId: 'gcp-service-account-key',
      confidence: 'structure',
      line: 5,
      details: {
        clientEmail: 'invoice-worker@acme-billing-prod.iam.gserviceaccount.com',
        projectId: 'acme-billing-prod',
        privateKeyId: 'cd3c4167e1fcf4a24f7301f76823c9ca5bd7bdad',
      },
    });
    expect(finding?.secret.reveal()).toMatch(/^-----BEGIN PRIVATE KEY-----\\nMIIC.*-----END PRIVATE KEY-----$/);
  });

  it('finds the key id after the key when fields are sorted', () => {
    const [finding] = engine.scanText(rule.samples.positive[1]!).findings;
    expect(finding?.details).toEqual({ privateKeyId: 'fdb54136b23f03c18d7e5563009a9bac58ce0d95' });
  });
});
