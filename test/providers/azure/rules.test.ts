// Azure details: the storage account a key belongs to, a SAS token's expiry and permissions, the
// kind of key an identifiable key's checksum names, and what a common annotated key says of itself.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { allProviders } from '../../../src/providers/index.js';
import { generateCommonAnnotatedKey } from '../../../src/providers/azure/common-annotated-key.js';
import { generateIdentifiableKey } from '../../../src/providers/azure/identifiable-key.js';
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

  it('reports an identifiable storage key in a connection string once, as the identifiable key', () => {
    const key = generateIdentifiableKey(64, '+ASt', 'Default0');
    const text = `DefaultEndpointsProtocol=https;AccountName=stledger01;AccountKey=${key};EndpointSuffix=core.windows.net`;
    const findings = createEngine({ providers: allProviders }).scanText(text).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['azure-storage-identifiable-key']);
    expect(findings[0]).toMatchObject({ confidence: 'checksum', details: { keyKind: 'account key' } });
  });

  it('still reports a legacy (non-identifiable) account key with the account key rule', () => {
    const findings = engine.scanText(sample('azure-storage-account-key', 1)).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['azure-storage-account-key']);
  });

  it('names the kind of key from the seed that verifies its checksum', () => {
    const readOnly = generateIdentifiableKey(64, 'ACDb', 'MastRO00');
    const listen = generateIdentifiableKey(32, '+AEh', 'Listen00');
    const admin = generateIdentifiableKey(39, 'AzSe', 'PAdmin00');
    const found = engine.scanText(`COSMOS_KEY=${readOnly}\nEH_KEY=${listen}\nSEARCH_KEY=${admin}\n`).findings;
    expect(found.map((f) => [f.ruleId, f.details['keyKind']])).toEqual([
      ['azure-cosmosdb-identifiable-key', 'read-only key'],
      ['azure-event-hubs-identifiable-key', 'listen'],
      ['azure-search-identifiable-key', 'admin key'],
    ]);
  });

  it('shows the provider signature and creation month of a common annotated key, and files it by signature', () => {
    const ai = generateCommonAnnotatedKey('ACOG', '2025-11', 'AAAB');
    const other = generateCommonAnnotatedKey('AMRS', '2026-02', 'AAAA', 'base62');
    const found = engine.scanText(`AZURE_OPENAI_API_KEY=${ai}\nKEY2="${other}"`).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['azure-ai-services-key', 'azure-common-annotated-key']);
    expect(found[0]?.details).toEqual({ providerSignature: 'ACOG', created: '2025-11', keyKind: 'standard' });
    expect(found[1]?.details).toMatchObject({ providerSignature: 'AMRS', created: '2026-02' });
  });

  it('names the resource of a Communication Services or App Configuration connection string', () => {
    const acs = engine.scanText(sample('azure-communication-services-connection-string', 1)).findings;
    expect(acs.map((f) => [f.ruleId, f.details['resource']])).toEqual([['azure-communication-services-connection-string', 'mailer-prod']]);
    const appConfig = engine.scanText(sample('azure-app-configuration-connection-string', 0)).findings;
    expect(appConfig[0]?.secret.reveal()).toBe('MZutMsJtqb7EyxstCPgLjihmJMZopKaaqwFuuVHwczA=');
    expect(appConfig[0]?.details).toEqual({ resource: 'flags-prod' });
  });

  it('takes a 32-hex AI services key only as a value beside an Azure AI name, never the name with it', () => {
    const [finding] = engine.scanText(sample('azure-ai-services-hex-key', 2)).findings;
    expect(finding?.secret.reveal()).toBe('4d76a696270cddcd0065be5be82c1e7e');
    const far = `AZURE_OPENAI_ENDPOINT=https://contoso-gpt.openai.azure.com/\n${'#\n'.repeat(200)}API_KEY=6dd4236ef0bb8abee6f26918174d6751`;
    expect(engine.scanText(far).findings).toEqual([]);
  });
});

