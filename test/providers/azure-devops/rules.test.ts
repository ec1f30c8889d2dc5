// Azure DevOps details: when each token format was issued, and what kind of secret a legacy one is.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { generateCommonAnnotatedKey } from '../../../src/providers/azure/common-annotated-key.js';
import { generateLegacyPat } from '../../../src/providers/azure-devops/legacy-pat.js';
import { allProviders } from '../../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });

describe('azure-devops provider', () => {
  it('reports a new-format PAT once, with the month it was created', () => {
    const pat = generateCommonAnnotatedKey('AZDO', '2025-09', 'AAAS');
    const findings = engine.scanText(`AZURE_DEVOPS_EXT_PAT=${pat}`).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['azure-devops-pat']);
    expect(findings[0]?.details).toEqual({ providerSignature: 'AZDO', created: '2025-09', keyKind: 'standard' });
  });

  it('finds a legacy token in a remote URL after it, and says which kind it is', () => {
    const secret = generateLegacyPat('application secret');
    const findings = engine.scanText(`url = https://svc:${secret}@dev.azure.com/contoso/app/_git/app`).findings;
    expect(findings.map((f) => [f.ruleId, f.details['tokenKind']])).toEqual([['azure-devops-pat-legacy', 'application secret']]);
  });

  it('leaves a legacy-looking token alone far from any Azure DevOps name', () => {
    const pat = generateLegacyPat();
    const text = `azure_devops:\n${' '.repeat(300)}\nvalue: ${pat}\n`;
    expect(engine.scanText(text).findings.filter((f) => f.ruleId === 'azure-devops-pat-legacy')).toEqual([]);
  });
});
