// Azure details: the storage account a key belongs to, and a SAS token's expiry and permissions.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { azure } from '../../../src/providers/azure/rules.js';

const engine = createEngine({ providers: [azure] });
const sample = (ruleId: string, index: number): string => azure.rules.find((r) => r.id === ruleId)!.samples.positive[index]!;

describe('azure provider', () => {
  it('names the storage account of a connection string key', () => {
    const [finding] = engine.scanText(sample('azure-storage-account-key', 0)).findings;
    expect(finding).toMatchObject({ confidence: 'structure', details: { accountName: 'acmeinvoices' } });
    expect(finding?.secret.reveal()).toMatch(/^OarQ9V.*==$/);
  });

  it('takes only the signature of a SAS as the secret, and shows its expiry and permissions', () => {
    const [finding] = engine.scanText(sample('azure-sas-token', 0)).findings;
    expect(finding?.secret.reveal()).toBe('zexx8pDcOysld0vFWBgVxr6niVO87HJSl%2BI%2BbJJuW7Y%3D');
    expect(finding?.details).toEqual({ expires: '2026-12-31T23:59:59Z', permissions: 'rwdlac' });
  });
});
