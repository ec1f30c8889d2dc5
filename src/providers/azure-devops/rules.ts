// Azure DevOps personal access tokens. Since 2024 they are 84-character common annotated keys with
// `JQQJ9` and the signature `AZDO`, and a Marvin32 checksum
// (https://learn.microsoft.com/azure/devops/release-notes/2024/general/sprint-241-update, layout in
// ../azure/common-annotated-key.ts). The earlier 52-character base32 tokens have a CRC32 checksum
// too (legacy-pat.ts), but nothing in them says "Azure DevOps": they are looked for only near the
// service's host names or an azure_devops / azure-devops name.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { CASK_SIGNATURE } from '../azure/common-annotated-key.js';
import { checkCommonAnnotatedKey, COMMON_ANNOTATED_WINDOW, commonAnnotatedKeyPattern } from '../azure/common-annotated-rules.js';
import { legacyPatKind } from './legacy-pat.js';

const REMEDIATION =
  'Revoke the token on the Personal access tokens page of its owner (https://dev.azure.com/{organization}/_usersSettings/tokens), or as an organization administrator revoke it through the PAT lifecycle management API or Microsoft Entra; review the audit log (Organization settings → Auditing) for its use, and prefer Microsoft Entra tokens or service principals.';

const pat: Rule = {
  id: 'azure-devops-pat',
  provider: 'azure-devops',
  title: 'Azure DevOps personal access token',
  severity: 'critical',
  confidence: 'checksum',
  keywords: [CASK_SIGNATURE],
  window: COMMON_ANNOTATED_WINDOW,
  pattern: commonAnnotatedKeyPattern('AZDO'),
  validate: checkCommonAnnotatedKey((provider) => provider === 'AZDO'),
  remediation: REMEDIATION,
  samples: {
    positive: [
      'AZURE_DEVOPS_EXT_PAT=bHXZpUCwb5LmN05cMS5pfFsF71O27WXen7r3zcLe8K1RnuQoUeRWJQQJ99BFAC9eDvDqdADqAAASAZDOFQSl',
      'git clone https://build:BBtYC6jKncrc3vGUBX7f0hA5fdxWeb7zOHJXOu00NVuOgviQqYzbJQQJ99CCACwlFuMdIwW6AAASAZDO1X70@dev.azure.com/contoso/Payments/_git/ledger',
      '    $pat = "CMHiZxSGeMhfY4RJtHUQznGu07DKM5yTNN06WNPDfJBdRYlqBivHJQQJ99BKACabu1vWEMqRAAASAZDORf01"',
    ],
    negative: [
      // One random character changed: the checksum no longer matches.
      'AZURE_DEVOPS_EXT_PAT=bHXZpUCwb5LmN05cMS5pfFsF71O27WXen7r3zcLe8K1RnuQoUeRXJQQJ99BFAC9eDvDqdADqAAASAZDOFQSl',
      // Truncated.
      'AZURE_DEVOPS_EXT_PAT=bHXZpUCwb5LmN05cMS5pfFsF71O27WXen7r3zcLe8K1RnuQoUeRWJQQJ99BFAC9eDvDqdADqAAASAZDO',
      'AZURE_DEVOPS_EXT_PAT=<personal-access-token>',
      'AZURE_DEVOPS_EXT_PAT=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxJQQJ99BFACxxxxxxxxxxAAASAZDOxxxx',
      // An Azure AI services key: the azure provider's.
      'AZURE_DEVOPS_EXT_PAT=OgiXHxNRESmWdWfCvDOlVVVBW42f58iffweT8MD4cGSH7xJKwJGsJQQJ99BLACHlogtrwqR3AAAAACOG6Vg1',
    ],
  },
};

function checkLegacyPat({ secret }: Candidate): Validation {
  const kind = legacyPatKind(secret);
  return kind === undefined ? { valid: false, reason: 'the CRC32 checksum does not match' } : { valid: true, confidence: 'checksum', details: { tokenKind: kind } };
}

const legacyPat: Rule = {
  id: 'azure-devops-pat-legacy',
  provider: 'azure-devops',
  title: 'Azure DevOps personal access token (52-character format)',
  severity: 'critical',
  confidence: 'checksum',
  keywords: ['dev.azure.com', 'visualstudio.com', 'azure_devops', 'azure-devops', 'azuredevops'],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  pattern: /(?<![A-Za-z0-9+/_-])(?<secret>[a-z2-7]{52})(?![A-Za-z0-9+/_-])/,
  validate: checkLegacyPat,
  remediation: REMEDIATION,
  samples: {
    positive: [
      'export AZURE_DEVOPS_PAT=v45id5cuar3tpr342c5g3mapbae372ekta2oocbqq4vlmt5r4aaq',
      'git remote add origin https://ci:3gliiglqxnxhths3sztjgnj7chotfb3tvhlu2tx32qso3iiypktq@dev.azure.com/contoso/Payments/_git/ledger',
      '<add key="Password" value="to42xtvtwsp4aias7pancmiomaigm4w2vvzqubqovgyw254rifaa" /> <!-- https://contoso.pkgs.visualstudio.com/_packaging/feed/nuget/v3/index.json -->',
    ],
    negative: [
      // One character changed: the CRC32 no longer matches.
      'export AZURE_DEVOPS_PAT=v45id5cuar3tpr342c5g3mapbae372ekta2oocbqq4vlmt5r4abq',
      // Valid, but with nothing about Azure DevOps near it.
      'export TOKEN=52jg7f4xu235xograkhxqfcqi6eky7uqpqcrfeaocy5imsk2omfa',
      'export AZURE_DEVOPS_PAT=your_personal_access_token_here',
      // The documentation's example value.
      'AdoAppId=...;AdoAppSecret=abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst; # dev.azure.com',
      // Truncated.
      'export AZURE_DEVOPS_PAT=v45id5cuar3tpr342c5g3mapbae372ekta2oocbqq4vlmt5r4a',
    ],
  },
};

export const azureDevops: ProviderDefinition = { id: 'azure-devops', name: 'Azure DevOps', rules: [pat, legacyPat] };
