// Datadog API keys (32 hex) and application keys (40 hex)
// (https://docs.datadoghq.com/account_management/api-app-keys/; sent as DD-API-KEY and
// DD-APPLICATION-KEY, https://docs.datadoghq.com/api/latest/authentication/). Neither has a prefix,
// so a key counts only where it is named as one: a Datadog- or DD-named variable or setting, or the
// header.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

/** `datadog`/`dd`, a few characters (a prefix, or YAML nesting), the key's name, an assignment. */
function named(keyName: string): string {
  return String.raw`(?:datadog|(?<![a-z0-9])dd)[\w.:\s"'{},-]{0,80}?${keyName}[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}`;
}

const REMEDIATION_PAGE = 'https://app.datadoghq.com/organization-settings';

const apiKey: Rule = {
  id: 'datadog-api-key',
  provider: 'datadog',
  title: 'Datadog API key',
  severity: 'high',
  keywords: ['datadog', 'dd_api', 'dd-api', 'dd.api', 'ddapi'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`${named('api[_.-]?key')}(?<secret>[0-9a-f]{32})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation: `Revoke the key in Datadog (Organization settings → API keys, ${REMEDIATION_PAGE}/api-keys; on another site, the same page there), move the Agents and integrations to a new key, and check for data you did not send.`,
  samples: {
    positive: [
      'DD_API_KEY=6f2aa248322920fd97b1736401eeec38',
      // Java properties (the Datadog Java agent reads dd.api.key).
      'dd.api.key=217c66e6c6b9bfa26460d3a25ccc0823',
      'datadog:\n  site: datadoghq.eu\n  apiKey: "5f87f467c37ab8c7960d2f629f6a1742"',
      'curl -X POST "https://api.datadoghq.com/api/v2/series" -H "DD-API-KEY: 6f2aa248322920fd97b1736401eeec38"',
    ],
    negative: [
      'DD_API_KEY=<DATADOG_API_KEY>',
      'DD_API_KEY=${DD_API_KEY}',
      'DD_API_KEY=00000000000000000000000000000000',
      // 32 hex with no Datadog name: a checksum.
      'md5 = "6f2aa248322920fd97b1736401eeec38"',
      // Truncated.
      'DD_API_KEY=6f2aa248322920fd97b1736401eeec3',
    ],
  },
};

const applicationKey: Rule = {
  id: 'datadog-application-key',
  provider: 'datadog',
  title: 'Datadog application key',
  severity: 'high',
  keywords: ['datadog', 'dd_app', 'dd-app', 'dd.app', 'ddapp'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(String.raw`${named('app(?:lication)?[_.-]?key')}(?<secret>[0-9a-f]{40})(?![0-9a-z])`, 'i'),
  minEntropy: 3,
  remediation: `Revoke the key in Datadog (Organization settings → Application keys, ${REMEDIATION_PAGE}/application-keys), create a new one scoped to what it needs, and review the audit trail for actions taken with it.`,
  samples: {
    positive: [
      'DD_APP_KEY=1e01d9d3a4419053128f4ccccf9c68dc24b53eac',
      'dd.app.key=7f3aefa9b293937cf15f0ae04255bafcf26de46f',
      'provider "datadog" {\n  api_key = var.datadog_api_key\n  app_key = "7c44a0ebd7f6814bdb0834a0fc3dbf8009097757"\n}',
    ],
    negative: [
      'DD_APP_KEY=<DATADOG_APP_KEY>',
      'DD_APPLICATION_KEY=${DD_APPLICATION_KEY}',
      // 40 hex with no Datadog name: a commit id.
      'commit 1e01d9d3a4419053128f4ccccf9c68dc24b53eac',
      // Truncated.
      'DD_APP_KEY=1e01d9d3a4419053128f4ccccf9c68dc24b53ea',
    ],
  },
};

export const datadog: ProviderDefinition = { id: 'datadog', name: 'Datadog', rules: [apiKey, applicationKey] };
