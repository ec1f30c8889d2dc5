// Azure keys in the common annotated format (CASK, common-annotated-key.ts): 84 base62 characters
// with `JQQJ9` at offset 52, the provider's signature at 76 and a Marvin32 checksum. `JQQJ9` is the
// keyword: it is in every such key and nearly nowhere else. A rule per service whose signature is
// known (Azure DevOps PATs are the azure-devops provider's), and one for the other services.
import type { Candidate, Rule, Validation } from '../../detect/rule.js';
import { CASK_SIGNATURE, readCommonAnnotatedKey } from './common-annotated-key.js';

const B62 = 'A-Za-z0-9';

/** The pattern of a CASK key whose provider signature is `provider` (any signature when undefined). */
export function commonAnnotatedKeyPattern(provider?: string): RegExp {
  const signature = provider ?? `[${B62}]{4}`;
  return new RegExp(`(?<![${B62}])(?<secret>[${B62}]{52}JQQJ9[9DH][${B62}]{18}${signature}[${B62}]{4}(?:[${B62}]{2}==)?)(?![${B62}])`);
}

/** Validates a CASK key's layout and checksum, for the given provider signatures (or all others when `except`). */
export function checkCommonAnnotatedKey(accepts: (provider: string) => boolean): (candidate: Candidate) => Validation {
  return ({ secret }) => {
    const key = readCommonAnnotatedKey(secret);
    if (!key) return { valid: false, reason: 'the Marvin32 checksum or the layout does not match' };
    if (!accepts(key.provider)) return { valid: false, reason: `provider signature ${key.provider} belongs to another rule` };
    return { valid: true, confidence: 'checksum', details: { providerSignature: key.provider, created: key.created, keyKind: key.kind } };
  };
}

/** The window around `JQQJ9`: the 52 random characters before it, the rest of the key after. */
export const COMMON_ANNOTATED_WINDOW = { before: 52, after: 40 } as const;

interface CaskService {
  id: string;
  title: string;
  signature: string;
  remediation: string;
  samples: Rule['samples'];
}

function serviceRule(service: CaskService): Rule {
  return {
    id: service.id,
    provider: 'azure',
    title: service.title,
    severity: 'critical',
    confidence: 'checksum',
    keywords: [CASK_SIGNATURE],
    window: COMMON_ANNOTATED_WINDOW,
    pattern: commonAnnotatedKeyPattern(service.signature),
    validate: checkCommonAnnotatedKey((provider) => provider === service.signature),
    remediation: service.remediation,
    samples: service.samples,
  };
}

const SERVICES: readonly CaskService[] = [
  {
    id: 'azure-ai-services-key',
    title: 'Azure AI services / Azure OpenAI key',
    signature: 'ACOG',
    remediation:
      'Regenerate the key in the Azure portal (the Azure OpenAI or AI services resource → Resource Management → Keys and Endpoint → Regenerate Key, https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub) or with `az cognitiveservices account keys regenerate`, after moving clients to the other key; prefer Microsoft Entra ID and disable local (key) authentication.',
    samples: {
      positive: [
        'client = AzureOpenAI(api_key="s858P73rjkdnG0v13K2cYMuqhRLso3vm3V1scjXgiZqrPsxM90o4JQQJ99BDACInGGF31Uo4AAABACOG6EPl", api_version="2024-10-21", azure_endpoint="https://contoso-openai.openai.azure.com/")',
        'AZURE_AI_KEY=OgiXHxNRESmWdWfCvDOlVVVBW42f58iffweT8MD4cGSH7xJKwJGsJQQJ99BLACHlogtrwqR3AAAAACOG6Vg1',
      ],
      negative: [
        // One random character changed: the checksum no longer matches.
        'AZURE_AI_KEY=OgiXHxNRESmWdWfCvDOlVVVBW42f58iffweT8MD4cGSH7xJKwJGtJQQJ99BLACHlogtrwqR3AAAAACOG6Vg1',
        // Truncated.
        'AZURE_AI_KEY=OgiXHxNRESmWdWfCvDOlVVVBW42f58iffweT8MD4cGSH7xJKwJGsJQQJ99BLACHlogtrwqR3AAAAACOG',
        'AZURE_AI_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxJQQJ99BLACxxxxxxxxxxAAAAACOGxxxx',
        // Another service's key (Web PubSub): reported by its own rule.
        'AZURE_AI_KEY=UfQJS1usl2HzQf9lWABfMdAO93TYEE4gn4CQzTot0dwhjX01cpNEJQQJ99BCACwojCwy7WAPAAAAAWPSNYvd',
      ],
    },
  },
  {
    id: 'azure-event-grid-key',
    title: 'Azure Event Grid access key',
    signature: 'AZEG',
    remediation:
      'Regenerate the access key in the Azure portal (Event Grid topic or namespace → Settings → Access keys → Regenerate, https://portal.azure.com/#browse/Microsoft.EventGrid%2Ftopics) or with `az eventgrid topic key regenerate`; prefer Microsoft Entra ID.',
    samples: {
      positive: [
        'curl -X POST -H "aeg-sas-key: qrWRCqFFNqQ1w4HutQ9lg2kvltdHWdFpynyYqZMLZzPx5LMc7uCWJQQJ99BHAC3j1TgXYq8HAAAAAZEGHye4" https://orders-topic.westeurope-1.eventgrid.azure.net/api/events',
        'EVENTGRID_TOPIC_KEY="1aB5CJUlKLASQL1fuQOpopyKNYfSCs27nOFvMTiwyy2rBCEug7IXJQQJ99CEACpsM4ZRNF1bAAAAAZEG32qW"',
      ],
      negative: [
        'EVENTGRID_TOPIC_KEY="1aB5CJUlKLASQL1fuQOpopyKNYfSCs27nOFvMTiwyy2rBCEug7IYJQQJ99CEACpsM4ZRNF1bAAAAAZEG32qW"',
        'EVENTGRID_TOPIC_KEY="<topic-access-key>"',
        'EVENTGRID_TOPIC_KEY="CEug7IXJQQJ99CEACpsM4ZRNF1bAAAAAZEG32qW"',
        // Month 13 (`M`) does not exist.
        'EVENTGRID_TOPIC_KEY="1aB5CJUlKLASQL1fuQOpopyKNYfSCs27nOFvMTiwyy2rBCEug7IXJQQJ99CMACpsM4ZRNF1bAAAAAZEG32qW"',
      ],
    },
  },
  {
    id: 'azure-web-pubsub-key',
    title: 'Azure Web PubSub access key',
    signature: 'AWPS',
    remediation:
      'Regenerate the access key in the Azure portal (Web PubSub resource → Settings → Keys → Regenerate, https://portal.azure.com/#browse/Microsoft.SignalRService%2FWebPubSub) or with `az webpubsub key regenerate`; prefer Microsoft Entra ID and disable access keys.',
    samples: {
      positive: [
        'const connectionString = "Endpoint=https://chat-wps.webpubsub.azure.com;AccessKey=UfQJS1usl2HzQf9lWABfMdAO93TYEE4gn4CQzTot0dwhjX01cpNEJQQJ99BCACwojCwy7WAPAAAAAWPSNYvd;Version=1.0;";',
        'WEBPUBSUB_KEY=Udhcg90AByVsBREHyd1V4Nt4Bd8vZaa3Mh4PoIv6YYqDV5p0HgtXJQQJ99BJACVX4zBQ4X6RAAAAAWPS3UT3',
      ],
      negative: [
        'WEBPUBSUB_KEY=Udhcg90AByVsBREHyd1V4Nt4Bd8vZaa3Mh4PoIv6YYqDV5p0HgtYJQQJ99BJACVX4zBQ4X6RAAAAAWPS3UT3',
        'const connectionString = "Endpoint=https://chat-wps.webpubsub.azure.com;AccessKey=<access-key>;Version=1.0;";',
        'WEBPUBSUB_KEY=Udhcg90AByVsBREHyd1V4Nt4Bd8vZaa3Mh4PoIv6YYqDV5p0HgtXJQQJ99BJACVX4zBQ4X6RAAAAAWPS3U',
        // Part of a longer run of characters.
        'WEBPUBSUB_KEY=x9Udhcg90AByVsBREHyd1V4Nt4Bd8vZaa3Mh4PoIv6YYqDV5p0HgtXJQQJ99BJACVX4zBQ4X6RAAAAAWPS3UT3',
      ],
    },
  },
];

/** Signatures with a rule of their own, here or in another provider (Azure DevOps). */
const OWN_RULE_SIGNATURES = new Set([...SERVICES.map((s) => s.signature), 'AZDO']);

const otherServiceKey: Rule = {
  id: 'azure-common-annotated-key',
  provider: 'azure',
  title: 'Azure access key (common annotated format, other service)',
  severity: 'high',
  confidence: 'checksum',
  keywords: [CASK_SIGNATURE],
  window: COMMON_ANNOTATED_WINDOW,
  pattern: commonAnnotatedKeyPattern(),
  validate: checkCommonAnnotatedKey((provider) => !OWN_RULE_SIGNATURES.has(provider)),
  remediation:
    "Find the resource from the key's provider signature (shown in the finding) and where the key is used, regenerate it in the Azure portal (the resource → Keys or Access keys, https://portal.azure.com/#browse/all), and prefer Microsoft Entra ID to keys.",
  samples: {
    positive: [
      'MIXED_REALITY_ACCOUNT_KEY=10DC7kt4uA0tbgvPxOIRg6wB5GtZ6w2ruRSm0cTETfcC8yistkgVJQQJ99BIACHXDXBp3ndKAAAAAMRSn1pa',
      '"AzureMapsKey": "G7s0jOuBTUHOC3CC6HuMBu2ZUCqMfg0TfCtmrn1GQ39J2gjagMaTJQQJ99CBACjCoWWdFTgzAAAAAZMPXH7k"',
    ],
    negative: [
      '"AzureMapsKey": "G7s0jOuBTUHOC3CC6HuMBu2ZUCqMfg0TfCtmrn1GQ39J2gjagMaUJQQJ99CBACjCoWWdFTgzAAAAAZMPXH7k"',
      // Keys of services with their own rule are theirs.
      'AZURE_AI_KEY=OgiXHxNRESmWdWfCvDOlVVVBW42f58iffweT8MD4cGSH7xJKwJGsJQQJ99BLACHlogtrwqR3AAAAACOG6Vg1',
      'MIXED_REALITY_ACCOUNT_KEY=<account-key>',
      'MIXED_REALITY_ACCOUNT_KEY=10DC7kt4uA0tbgvPxOIRg6wB5GtZ6w2ruRSm0cTETfcC8yistkgVJQQJ99',
    ],
  },
};

export const commonAnnotatedKeyRules: readonly Rule[] = [...SERVICES.map(serviceRule), otherServiceKey];
