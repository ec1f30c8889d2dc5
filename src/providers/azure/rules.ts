// Azure Storage credentials: the account key in a connection string (AccountKey=, 64 random bytes
// as 88 base64 characters; Cosmos DB connection strings use the same field), and shared access
// signatures (SAS), whose sig= parameter is an HMAC-SHA256 (32 bytes) of the other parameters.
// https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string and
// https://learn.microsoft.com/rest/api/storageservices/create-account-sas
import { decodeBase64 } from '../../detect/checksum.js';
import { ASCII_SPACE, type Candidate, type ProviderDefinition, type Rule, type Validation } from '../../detect/rule.js';
import { commonAnnotatedKeyRules } from './common-annotated-rules.js';
import { contextRules } from './context-rules.js';
import { identifiableKeyRules } from './identifiable-rules.js';

const ACCOUNT_KEY_BYTES = 64;
const SAS_SIGNATURE_BYTES = 32;
/** The Azurite storage emulator's account key (devstoreaccount1): published by Microsoft, grants nothing. */
const EMULATOR_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

function checkAccountKey({ secret, groups }: Candidate): Validation {
  if (secret === EMULATOR_ACCOUNT_KEY) return { valid: false, reason: 'the public storage emulator key' };
  if (decodeBase64(secret)?.length !== ACCOUNT_KEY_BYTES) return { valid: false, reason: 'not 64 bytes of base64' };
  const account = groups['account'];
  return { valid: true, confidence: 'structure', details: account === undefined ? {} : { accountName: account } };
}

const accountKey: Rule = {
  id: 'azure-storage-account-key',
  provider: 'azure',
  title: 'Azure Storage account key',
  severity: 'critical',
  keywords: ['AccountKey='],
  window: { before: 40, after: 100 },
  pattern: /(?:AccountName=(?<account>[a-z0-9]{3,24});\s{0,2})?AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/,
  validate: checkAccountKey,
  remediation:
    'Rotate the key in the Azure portal (storage account → Security + networking → Access keys → Rotate key, https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts) or with `az storage account keys renew`; rotating also invalidates SAS tokens signed with it. Prefer Microsoft Entra ID over shared keys.',
  samples: {
    positive: [
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeinvoices;AccountKey=OarQ9VUl05oApEAUMsn8hT/wtXDIqWoNhdqg6qgy8S3JlYK7bTphTo0fRUIAPGtHcgXOBgRi0NRg0v32ixC/LQ==;EndpointSuffix=core.windows.net"',
      '  "StorageConnection": "DefaultEndpointsProtocol=https;AccountName=stlogsweu01;AccountKey=tgAQlnQTlP5Mio4b+USo2NbeBnae5cruQvLjJWa89914WnPOVU2XLfayq5FlxDB5pfQs0UKmwIbqb9Y33JRglA==;EndpointSuffix=core.windows.net",',
    ],
    negative: [
      // The Azurite emulator's well-known development key is public.
      `AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${EMULATOR_ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"`,
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeinvoices;AccountKey=<account-key>;EndpointSuffix=core.windows.net"',
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeinvoices;AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==;"',
      // Truncated.
      'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeinvoices;AccountKey=OarQ9VUl05oApEAUMsn8hT/wtXDIqWoNhdqg6qgy8S3JlYK7bTphTo0fRUIAPGtHc==;"',
    ],
  },
};

/** A SAS parameter's value in the matched query string, URL-decoded. */
function sasParameter(query: string, name: string): string | undefined {
  const raw = new RegExp(String.raw`[?&;]${name}=([^&\s"'<>]{1,64})`).exec(`&${query}`)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The signature must be 32 bytes of base64; expiry and permissions are shown to size the risk. */
function checkSas({ secret, match }: Candidate): Validation {
  const signature = sasParameter(`sig=${secret}`, 'sig');
  if (signature === undefined || decodeBase64(signature)?.length !== SAS_SIGNATURE_BYTES) {
    return { valid: false, reason: 'sig is not a base64 HMAC-SHA256' };
  }
  const details: Record<string, string> = {};
  const expires = sasParameter(match, 'se');
  const permissions = sasParameter(match, 'sp');
  if (expires !== undefined) details['expires'] = expires;
  if (permissions !== undefined) details['permissions'] = permissions;
  return { valid: true, confidence: 'structure', details };
}

const sasToken: Rule = {
  id: 'azure-sas-token',
  provider: 'azure',
  title: 'Azure shared access signature (SAS)',
  severity: 'high',
  // Every SAS carries the signed storage service version, sv=YYYY-MM-DD.
  keywords: ['sv=20'],
  window: { before: 0, after: 600 },
  anchor: 'keyword',
  // From sv= to the signature, across the other parameters in any order; sig= ends the match.
  pattern:
    new RegExp(String.raw`(?<![A-Za-z0-9_])sv=20[0-9]{2}-[0-9]{2}-[0-9]{2}&[^${ASCII_SPACE}"'<>#]{0,400}?(?<=[?&;])sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){40,60}(?:=|%3[Dd]))`),
  validate: checkSas,
  remediation:
    'A SAS cannot be revoked by itself: if it was issued under a stored access policy, delete or change the policy; otherwise rotate the storage account key that signed it (storage account → Access keys), or for a user delegation SAS revoke the user delegation keys.',
  samples: {
    positive: [
      'BLOB_URL=https://acmeinvoices.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rwdlac&se=2026-12-31T23:59:59Z&st=2026-01-01T00:00:00Z&spr=https&sig=zexx8pDcOysld0vFWBgVxr6niVO87HJSl%2BI%2BbJJuW7Y%3D',
      '"SasToken": "?sp=racwl&st=2026-03-01T10:00:00Z&se=2026-09-01T10:00:00Z&spr=https&sv=2024-11-04&sr=c&sig=Kdt84SvUlWEaRM6clyLoqEGO86ZFsCR2l3JUEEsPy%2BU%3D"',
    ],
    negative: [
      'BLOB_URL=https://acmeinvoices.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=r&se=2026-12-31&sig=<signature>',
      'BLOB_URL=https://acmeinvoices.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sp=r&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%3D',
      // Base64, but 35 bytes: not an HMAC-SHA256.
      'BLOB_URL=https://acmeinvoices.blob.core.windows.net/exports?sv=2022-11-02&ss=b&sp=r&sig=AseSCE46ZW81%2BqjyuM6kZYW6QbT1SwfJeundVkrE7FRQceA%3D',
      // A version parameter alone is not a signature.
      'GET /?restype=service&comp=properties&sv=2022-11-02 HTTP/1.1',
    ],
  },
};

export const azure: ProviderDefinition = { id: 'azure', name: 'Azure', rules: [accountKey, sasToken, ...identifiableKeyRules, ...commonAnnotatedKeyRules, ...contextRules] };
