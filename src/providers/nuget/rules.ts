// NuGet.org API keys (https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys): `oy2` + 43
// lowercase letters and digits (observed on keys issued since scoped keys, 2017).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiKey: Rule = {
  id: 'nuget-api-key',
  provider: 'nuget',
  title: 'NuGet.org API key',
  // Pushing package versions others restore: a supply-chain compromise.
  severity: 'critical',
  keywords: ['oy2'],
  prefixes: ['oy2'],
  window: { before: 0, after: 46 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_-])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  remediation:
    'Delete the key on NuGet.org (Account → API Keys, https://www.nuget.org/account/apikeys), check the packages it could push for versions you did not release (unlist them), and create a scoped key with an expiry or use trusted publishing.',
  samples: {
    positive: [
      'dotnet nuget push acme.1.2.3.nupkg --api-key oy2mrirylblya4nvpk3k4snyw46p3f4zwcsc422al4af33 --source https://api.nuget.org/v3/index.json',
      '  NUGET_API_KEY: oy2j6om64frd6zesuilibuohmpcvskuqm4kqhocmbyljjk',
    ],
    negative: [
      'NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 42 characters: truncated.
      'NUGET_API_KEY=oy2gxkj2ujf6ukiuiuo6pg53k2qg6uxo5kkyulvh4jowf',
      // Uppercase never occurs.
      'NUGET_API_KEY=oy2GXKJ2UJF6UKIUIUO6PG53K2QG6UXO5KKYULVH4JOWFX',
      'const toy2gxkj2ujf6ukiuiuo6pg53k2qg6uxo5kkyulvh4jowfx = 1;',
    ],
  },
};

export const nuget: ProviderDefinition = { id: 'nuget', name: 'NuGet', rules: [apiKey] };
