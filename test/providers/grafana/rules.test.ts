// Grafana tokens carry facts that can be checked offline: a CRC32 in service account tokens, a JSON
// document in cloud tokens.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { grafana } from '../../../src/providers/grafana/rules.js';

const engine = createEngine({ providers: [grafana] });

describe('grafana-service-account-token rule', () => {
  it("agrees with the checksum of Grafana's own test vector (pkg/components/satokengen)", () => {
    const [finding] = engine.scanText('token = "glsa_iNValIdinValiDinvalidinvalidinva_5b582697"').findings;
    expect(finding).toMatchObject({ ruleId: 'grafana-service-account-token', confidence: 'checksum' });
  });

  it('rejects the same token with one character of the secret changed', () => {
    expect(engine.scanText('token = "glsa_iNValIdinValiDinvalidinvalidinvb_5b582697"').findings).toEqual([]);
  });
});

describe('grafana-cloud-token rule', () => {
  it('reports the org id and region decoded from the token', () => {
    const [finding] = engine.scanText(grafana.rules[0]!.samples.positive[0]!).findings;
    expect(finding).toMatchObject({
      confidence: 'structure',
      details: { grafanaOrgId: '326805', grafanaRegion: 'prod-us-east-0' },
    });
  });
});
