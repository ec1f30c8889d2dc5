// Azure credentials with no mark of their own, found by what surrounds them:
// - Azure OpenAI and AI services keys of the 32-hex format (before the JQQJ9 format), only beside the
//   service's host names or an AZURE_OPENAI_ name, and only as the value of a key-like name;
// - Azure Communication Services connection strings, `endpoint=https://<resource>.communication.azure.com/;accesskey=<64 bytes of base64>`
//   (https://learn.microsoft.com/azure/communication-services/quickstarts/create-communication-resource);
// - Azure App Configuration connection strings, `Endpoint=https://<store>.azconfig.io;Id=<key id>;Secret=<32 bytes of base64>`
//   (https://learn.microsoft.com/azure/azure-app-configuration/rest-api-authentication-hmac).
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, Rule, Validation } from '../../detect/rule.js';

function checkHexKey({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[a-f]/.test(secret) ? { valid: true } : { valid: false, reason: 'not random hex: a placeholder or a number' };
}

const aiServicesHexKey: Rule = {
  id: 'azure-ai-services-hex-key',
  provider: 'azure',
  title: 'Azure AI services / Azure OpenAI key (32-hex format)',
  severity: 'high',
  keywords: ['openai.azure.com', 'cognitiveservices.azure.com', 'cognitive.microsoft.com', 'services.ai.azure.com', 'azure_openai'],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  // The value of a key-like name (AZURE_OPENAI_API_KEY=, "api-key": , api_key=, subscription_key =)
  // or of AzureKeyCredential(...).
  pattern:
    /(?:(?:[Kk]ey|KEY)[A-Za-z0-9_.-]{0,24}["']?[ \t]{0,3}[:=][ \t]{0,3}["']?|KeyCredential\([ \t]{0,3}["'])(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  validate: checkHexKey,
  remediation:
    'Regenerate the key in the Azure portal (the Azure OpenAI or AI services resource → Resource Management → Keys and Endpoint → Regenerate Key, https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub) or with `az cognitiveservices account keys regenerate`, after moving clients to the other key; prefer Microsoft Entra ID and disable local (key) authentication.',
  samples: {
    positive: [
      'AZURE_OPENAI_ENDPOINT=https://contoso-gpt.openai.azure.com/\nAZURE_OPENAI_API_KEY=6dd4236ef0bb8abee6f26918174d6751',
      'curl https://westeurope.api.cognitive.microsoft.com/vision/v3.2/analyze -H "Ocp-Apim-Subscription-Key: 1be97687a117168f473e84b3be0ccfd8"',
      'client = DocumentAnalysisClient(endpoint="https://invoices-di.cognitiveservices.azure.com/", credential=AzureKeyCredential("4d76a696270cddcd0065be5be82c1e7e"))',
    ],
    negative: [
      // No Azure AI endpoint or name near it: 32 hex alone is too common (hashes, ids).
      'API_KEY=7995d4144e0dfbe654913a1554f11fca',
      'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
      'AZURE_OPENAI_API_KEY=<your-azure-openai-key>',
      // A request id near the endpoint, not the value of a key.
      'POST https://contoso-gpt.openai.azure.com/openai/deployments/gpt-4o/chat/completions apim-request-id: 7995d4144e0dfbe654913a1554f11fca',
      // Truncated.
      'AZURE_OPENAI_API_KEY=7995d4144e0dfbe654913a1554f11f',
    ],
  },
};

function checkBase64Bytes(bytes: number): (candidate: Candidate) => Validation {
  return ({ secret, groups }) => {
    if (decodeBase64(secret)?.length !== bytes) return { valid: false, reason: `not ${bytes} bytes of base64` };
    const resource = groups['resource'];
    const details: Record<string, string> = {};
    if (resource !== undefined) details['resource'] = resource;
    return { valid: true, confidence: 'structure', details };
  };
}

const communicationServices: Rule = {
  id: 'azure-communication-services-connection-string',
  provider: 'azure',
  title: 'Azure Communication Services connection string',
  severity: 'critical',
  keywords: ['.communication.azure.com'],
  window: { before: 100, after: 120 },
  pattern:
    /(?<![A-Za-z0-9])endpoint=https:\/\/(?<resource>[A-Za-z0-9-]{1,64})(?:\.[A-Za-z0-9-]{1,32})?\.communication\.azure\.com\/?;[ \t]{0,2}accesskey=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
  validate: checkBase64Bytes(64),
  remediation:
    'Regenerate the key in the Azure portal (Communication Services resource → Settings → Keys → Regenerate, https://portal.azure.com/#browse/Microsoft.Communication%2FCommunicationServices) or with `az communication regenerate-key`, after moving clients to the other key; prefer Microsoft Entra ID.',
  samples: {
    positive: [
      'ACS_CONNECTION_STRING="endpoint=https://notify-acs.communication.azure.com/;accesskey=FWGLEq4IDLsQ6+A6bxyvAjQJEZyZjgJ6j3b+JCI2HoOoVhzsgBhrLGeRc2WxYeI0IyFtmgc1l+fy+pbf1GGMqg=="',
      'var client = new EmailClient("endpoint=https://mailer-prod.europe.communication.azure.com/;accesskey=TlYWSyhi4Iai8mB7sAVRjf8/Gyx2AstTGXmtYN7IEp990uMCLXYOuikdqURrzEHLeIvRPy5mo5aIn9EJQz75Tw==");',
    ],
    negative: [
      // The documentation's template.
      'endpoint=https://{your Azure Communication Services resource name}.communication.azure.com/;accesskey={secret key}',
      'ACS_CONNECTION_STRING="endpoint=https://notify-acs.communication.azure.com/;accesskey=your-key"',
      // Truncated: 48 bytes.
      'ACS_CONNECTION_STRING="endpoint=https://notify-acs.communication.azure.com/;accesskey=boAZKRZ0Lem6i3/eCOZp0yJpToNHriFuXfTSs6AEvCnPeBMYRQgDhyN8K8VrxJEr"',
      'ACS_CONNECTION_STRING="endpoint=https://notify-acs.communication.azure.com/;accesskey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=="',
    ],
  },
};

const appConfiguration: Rule = {
  id: 'azure-app-configuration-connection-string',
  provider: 'azure',
  title: 'Azure App Configuration connection string',
  severity: 'high',
  keywords: ['.azconfig.io'],
  window: { before: 100, after: 150 },
  pattern:
    /(?<![A-Za-z0-9])Endpoint=https:\/\/(?<resource>[A-Za-z0-9-]{1,64})\.azconfig\.io\/?;[ \t]{0,2}Id=[A-Za-z0-9:_-]{1,64};[ \t]{0,2}Secret=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
  validate: checkBase64Bytes(32),
  remediation:
    'Regenerate the access key in the Azure portal (App Configuration store → Settings → Access settings → Regenerate, https://portal.azure.com/#browse/Microsoft.AppConfiguration%2FconfigurationStores) or with `az appconfig credential regenerate`; prefer Microsoft Entra ID and disable access keys.',
  samples: {
    positive: [
      'APPCONFIG_CONNECTION_STRING="Endpoint=https://flags-prod.azconfig.io;Id=DpXB-l3-s0:b0ssDlrC7jath8XXnptA;Secret=MZutMsJtqb7EyxstCPgLjihmJMZopKaaqwFuuVHwczA="',
      'builder.AddAzureAppConfiguration("Endpoint=https://settings-weu.azconfig.io;Id=CexV-l4-s0:DDXzAH2Ue61wGYLCrAAs;Secret=P1fcWU2qFnAVyS+mkXC2UPU16wgxZXYkGnoWDOP2qsM=");',
    ],
    negative: [
      'APPCONFIG_CONNECTION_STRING="Endpoint=https://flags-prod.azconfig.io;Id=***;Secret=***"',
      'APPCONFIG_CONNECTION_STRING="Endpoint=https://test-appconfig.azconfig.io;Id=test;Secret=test"',
      // Truncated: 24 bytes.
      'APPCONFIG_CONNECTION_STRING="Endpoint=https://flags-prod.azconfig.io;Id=DpXB-l3-s0:b0ssDlrC7jath8XXnptA;Secret=zn4efoiIzBRNkI+iFX04bXvmlRAxnH2T="',
      'APPCONFIG_CONNECTION_STRING="Endpoint=https://flags-prod.azconfig.io;Id=DpXB-l3-s0:b0ssDlrC7jath8XXnptA;Secret=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa="',
    ],
  },
};

export const contextRules: readonly Rule[] = [aiServicesHexKey, communicationServices, appConfiguration];
