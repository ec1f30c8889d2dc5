// Databricks personal access tokens: `dapi` + 32 hex, sometimes with a `-N` suffix.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const personalAccessToken: Rule = {
  id: 'databricks-pat',
  provider: 'databricks',
  title: 'Databricks personal access token',
  severity: 'critical',
  keywords: ['dapi'],
  prefixes: ['dapi'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>dapi[a-f0-9]{32}(?:-\d{1,2})?)(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  remediation:
    'Revoke the token in the Databricks workspace (Settings → Developer → Access tokens; admins can also use the Token Management API) as described at https://docs.databricks.com/en/dev-tools/auth/pat.html, then create a new one.',
  samples: {
    positive: [
      'DATABRICKS_TOKEN=dapi9c758fe9d337bde4ddba36ad93bc154a',
      "databricks_token: 'dapi04a3f2f6f2383c3ec862027d54d3bbe1-2'",
      'export DATABRICKS_TOKEN="dapib1f6ae71fdd40060c20d8834993d3e04"',
    ],
    negative: [
      // A camelCase method name that starts with "dapi".
      '    dapiDataGetTopLongShortPositionRatio (params?: {}): Promise<implicitReturnType>;',
      'DATABRICKS_TOKEN=dapi00000000000000000000000000000000',
      'DATABRICKS_TOKEN=dapi9c758fe9d337bde4ddba36ad93bc15',
      // Not hex: "g" and "z" never occur in a token.
      'DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5',
    ],
  },
};

export const databricks: ProviderDefinition = { id: 'databricks', name: 'Databricks', rules: [personalAccessToken] };
