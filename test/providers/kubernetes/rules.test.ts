// Kubernetes service account tokens are kept by their claims, and say which account they act as.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';
import { kubernetes } from '../../../src/providers/kubernetes/rules.js';

const rule = kubernetes.rules[0]!;
const [bound, legacy] = rule.samples.positive;
const engine = createEngine({ providers: allProviders });

describe('kubernetes service account tokens', () => {
  it('reports a bound token with its namespace, account and expiry', () => {
    const [finding] = engine.scanText(bound!).findings;
    expect(finding).toMatchObject({ ruleId: 'kubernetes-service-account-token', confidence: 'structure' });
    expect(finding!.details).toMatchObject({ namespace: 'payments', serviceAccount: 'ledger-sync', kind: 'bound', expires: '2026-12-04T13:20:00.000Z' });
  });

  it('reports a legacy token as never expiring', () => {
    const [finding] = engine.scanText(legacy!).findings;
    expect(finding!.details).toMatchObject({ namespace: 'ci', serviceAccount: 'deployer', kind: 'legacy (never expires)' });
    expect(finding!.details['expires']).toBeUndefined();
  });

  it('is never reported by another rule: one finding per token, with every rule on', () => {
    for (const sample of [bound!, legacy!]) expect(engine.scanText(sample).findings.map((f) => f.ruleId)).toEqual(['kubernetes-service-account-token']);
  });

  it('finds nothing once the signature is cut off', () => {
    const token = /eyJ[A-Za-z0-9_.-]+/.exec(bound!)![0];
    expect(engine.scanText(`token: ${token.slice(0, token.lastIndexOf('.'))}`).findings).toEqual([]);
  });
});
