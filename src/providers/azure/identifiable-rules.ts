// Azure's identifiable keys, one rule per service: the 4-character signature Microsoft puts just
// before the checksum is the keyword (case-sensitive), and the Marvin32 checksum under the service's
// seeds is checked offline, so a match is a key the service issued (identifiable-key.ts). Signatures,
// key sizes and seed names as Microsoft's reference implementation publishes them
// (https://github.com/microsoft/security-utilities, IdentifiableMetadata and the SEC101/15x-19x rules).
import type { Candidate, Rule, Validation } from '../../detect/rule.js';
import { identifiableKeyKind, type SeedNames } from './identifiable-key.js';

const B64 = 'A-Za-z0-9+/';
const URL_SAFE = 'A-Za-z0-9_\\-';

/**
 * The encoded shape of a key of `bytes` bytes: random characters, the signature, and the checksum,
 * whose first or last character the bit alignment restricts.
 */
function shape(bytes: 32 | 39 | 40 | 64, signature: string): string {
  const sig = signature.replaceAll('+', String.raw`\+`);
  switch (bytes) {
    case 32:
      return `[${B64}]{33}${sig}[A-P][${B64}]{5}=`;
    case 39:
      return `[${B64}]{42}${sig}[A-D][${B64}]{5}`;
    case 40:
      return `[${URL_SAFE}]{44}${sig}[${URL_SAFE}]{5}[AQgw](?:==)?`;
    case 64:
      return `[${B64}]{76}${sig}[${B64}]{5}[AQgw]==`;
  }
}

const PREFIX_CHARS = { 32: 33, 39: 42, 40: 44, 64: 76 } as const;

interface IdentifiableKeyKind {
  id: string;
  title: string;
  signature: string;
  bytes: 32 | 39 | 40 | 64;
  /** What each seed means: the kind of key the checksum says it is. */
  seeds: SeedNames;
  severity?: Rule['severity'];
  remediation: string;
  samples: Rule['samples'];
}

function checkWith(signature: string, seeds: SeedNames): (candidate: Candidate) => Validation {
  return ({ secret }) => {
    const kind = identifiableKeyKind(secret, signature, seeds);
    return kind === undefined ? { valid: false, reason: 'the Marvin32 checksum does not match' } : { valid: true, confidence: 'checksum', details: { keyKind: kind } };
  };
}

function identifiableKeyRule(kind: IdentifiableKeyKind): Rule {
  const chars = kind.bytes === 40 ? URL_SAFE : B64;
  return {
    id: kind.id,
    provider: 'azure',
    title: kind.title,
    severity: kind.severity ?? 'critical',
    confidence: 'checksum',
    keywords: [kind.signature],
    window: { before: PREFIX_CHARS[kind.bytes], after: 16 },
    pattern: new RegExp(`(?<![${chars}])(?<secret>${shape(kind.bytes, kind.signature)})(?![${chars}=])`),
    validate: checkWith(kind.signature, kind.seeds),
    remediation: kind.remediation,
    samples: kind.samples,
  };
}

/** Azure Service Bus, Event Hubs and Relay share their seeds: the key's rights. */
const MESSAGING_SEEDS: SeedNames = { send: 'Send0000', listen: 'Listen00', manage: 'Manage00', system: 'System00' };

const KINDS: readonly IdentifiableKeyKind[] = [
  {
    id: 'azure-storage-identifiable-key',
    title: 'Azure Storage account key (identifiable)',
    signature: '+ASt',
    bytes: 64,
    seeds: { 'account key': 'Default0' },
    remediation:
      'Rotate the key in the Azure portal (storage account → Security + networking → Access keys → Rotate key, https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts) or with `az storage account keys renew`; rotating also invalidates SAS tokens signed with it. Prefer Microsoft Entra ID over shared keys.',
    samples: {
      positive: [
        'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=stinvoiceswe;AccountKey=8vXjON6+CaI900vwlrat1io76TcaWdxO1f1wCrpkHXYFCGVMbwHCYiOhDSifaKC5chGJ5jue9+hz+AStGaXJOQ==;EndpointSuffix=core.windows.net"',
        'storage_key = "PqTF3WTmnLWL6OTcIRUOFAbjoYOXnVKiwsmmiw1TmTHxKTK18KJgFCKG7PaASS4PQKtIgZ5rPXuO+AStXqBu3Q=="',
      ],
      negative: [
        // One character of the random part changed: the checksum no longer matches.
        'storage_key = "PqTF3WTmnLWL6OTcIRUOFAbjoYOXnVKiwsmmiw1TmTHxKTK18KJgFCKG7PaASS4PQKtIgZ5rPXuP+AStXqBu3Q=="',
        // The checksum of another seed (not a Storage key).
        'storage_key = "3TkNqFue6VlnQQciMTCvBL5/xrLBP9OvlCEGMuzdBH52a6RBlBN8xRGUX0gKmqAMcmaw2gJUcKHm+AStlKr6Kw=="',
        // Truncated.
        'storage_key = "TmTHxKTK18KJgFCKG7PaASS4PQKtIgZ5rPXuO+AStXqBu3Q=="',
        'storage_key = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+AStxxxxxw=="',
      ],
    },
  },
  {
    id: 'azure-cosmosdb-identifiable-key',
    title: 'Azure Cosmos DB account key (identifiable)',
    signature: 'ACDb',
    bytes: 64,
    seeds: {
      'primary read-write key': 'MastRW00',
      'read-only key': 'MastRO00',
      'system key': 'SysAll00',
      'system read-write key': 'SystRW00',
      'system read-only key': 'SystRO00',
      'resource key': 'Resour00',
      'data encryption key': 'Encryp00',
    },
    remediation:
      'Regenerate the key in the Azure portal (Azure Cosmos DB account → Settings → Keys → Regenerate, https://portal.azure.com/#browse/Microsoft.DocumentDb%2FdatabaseAccounts) or with `az cosmosdb keys regenerate`, after moving clients to the other key; prefer Microsoft Entra ID role-based access.',
    samples: {
      positive: [
        'COSMOS_CONNECTION_STRING="AccountEndpoint=https://orders-prod.documents.azure.com:443/;AccountKey=5jOCsBgNG7Bsw5vd16UM7yBSHFzqVypH8kUCFw0BDZYfk476NV2KwNelKMJnr1KcbfKphKUlPTzjACDbiQLmKw==;"',
        '  "CosmosKey": "mKRGRxry6adVYBP8tgnywDkRK/lFYkX47/VOS+BAOMwD6fuVr718UIld1insLpbk9EHjnVTvalQJACDbu6wrcA==",',
      ],
      negative: [
        '  "CosmosKey": "mKRGRxry6adVYBP8tgnywDkRK/lFYkX47/VOS+BAOMwD6fuVr718UIld1insLpbk9EHjnVTvalQJACDbu6wrcB==",',
        // The Cosmos DB emulator's well-known key (no identifiable signature).
        'COSMOS_KEY=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
        '  "CosmosKey": "5jOCsBgNG7Bsw5vd16UM7yBSHFzqVypH8kUCFw0BDZYfk476NV2KwNelKMJnr1KcbfKphKUlPTzjACDbiQLm",',
        '  "CosmosKey": "<your-cosmos-key>ACDb",',
      ],
    },
  },
  {
    id: 'azure-redis-identifiable-key',
    title: 'Azure Cache for Redis access key (identifiable)',
    signature: 'AzCa',
    bytes: 32,
    seeds: { 'access key': 'Access00' },
    remediation:
      'Regenerate the access key in the Azure portal (Azure Cache for Redis → Settings → Authentication → Access keys → Regenerate, https://portal.azure.com/#browse/Microsoft.Cache%2FRedis) or with `az redis regenerate-keys`; prefer Microsoft Entra ID authentication and disable access keys.',
    samples: {
      positive: [
        'REDIS_URL=rediss://:7vFboZrVgW6kHp4wil/SoU1f/GluEEi4sAzCaH33xC8=@orders-cache.redis.cache.windows.net:6380',
        'redis_connection = "orders-cache.redis.cache.windows.net:6380,password=Yd4DYuTYJiBSAVrSrKPTGOZkscRBWIlyXAzCaIPAVqY=,ssl=True,abortConnect=False"',
      ],
      negative: [
        'redis_connection = "orders-cache.redis.cache.windows.net:6380,password=Yd4DYuTYJiBSAVrSrKPTGOZkscRBWIlyYAzCaIPAVqY=,ssl=True"',
        'redis_connection = "orders-cache.redis.cache.windows.net:6380,password=<access-key>,ssl=True"',
        // Part of a PowerShell cmdlet name.
        '$token = Get-AzCachedAccessToken',
        // Truncated.
        'redis_connection = "orders-cache.redis.cache.windows.net:6380,password=TYJiBSAVrSrKPTGOZkscRBWIlyXAzCaIPAVqY=,ssl=True"',
      ],
    },
  },
  {
    id: 'azure-functions-identifiable-key',
    title: 'Azure Functions key (identifiable)',
    signature: 'AzFu',
    bytes: 40,
    seeds: { 'function key': 'Functi00', 'host master key': 'Master00', 'system key': 'System00' },
    remediation:
      'Renew the key in the Azure portal (Function App → Functions → App keys, or the function → Function keys → Renew key value, https://portal.azure.com/#browse/Microsoft.Web%2Fsites/kind/functionapp) or with `az functionapp keys set`; a leaked master key grants admin access to the whole app.',
    samples: {
      positive: [
        'curl "https://orders-fn.azurewebsites.net/api/ProcessOrder?code=VkYQGu5pRt2L_8G4i51bwK6npKX4lcjPPn_b_N_Ln83HAzFupLmzyA=="',
        'FUNCTIONS_MASTER_KEY=oFC66xjPaAjx1wXnXLfgfCKyIMSLHuZIJEAtheDLncWMAzFuE8k7_w==',
      ],
      negative: [
        'FUNCTIONS_MASTER_KEY=oFC66xjPaAjx1wXnXLfgfCKyIMSLHuZIJEAtheDLncWMAzFuE8k7_g==',
        'curl "https://orders-fn.azurewebsites.net/api/ProcessOrder?code=<function-key>AzFu"',
        'FUNCTIONS_MASTER_KEY=oFC66xjPaAjx1wXnXLfgfCKyIMSLHuZIJEAtheDLncWM',
        'FUNCTIONS_MASTER_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAzFuxxxxxw==',
      ],
    },
  },
  {
    id: 'azure-search-identifiable-key',
    title: 'Azure AI Search API key (identifiable)',
    signature: 'AzSe',
    bytes: 39,
    seeds: { 'admin key': 'PAdmin00', 'query key': 'Query000' },
    remediation:
      'Regenerate the admin key, or delete the query key, in the Azure portal (search service → Settings → Keys, https://portal.azure.com/#browse/Microsoft.Search%2FsearchServices) or with `az search admin-key renew` / `az search query-key delete`; prefer role-based access with Microsoft Entra ID.',
    samples: {
      positive: [
        'AZURE_SEARCH_ADMIN_KEY=v7hqIaqIaoulpXDBnYlkSiIcApr6wrPtma010IzF/eAzSeDCj6zu',
        'search_client = SearchClient(endpoint, "products", AzureKeyCredential("mdGZxdF4JHEQHmsgPpR7qMIrq7Sfpz+Q3xnj4P9pK6AzSeDKcGF9"))',
      ],
      negative: [
        'AZURE_SEARCH_ADMIN_KEY=v7hqIaqIaoulpXDBnYlkSiIcApr6wrPtma010IzF/eAzSeDCj6zv',
        'AZURE_SEARCH_ADMIN_KEY=<admin-key>',
        // A word that happens to contain the signature.
        'using Azure.Search.Documents; var azSearchClient = new AzSearchClientFactory();',
        'AZURE_SEARCH_ADMIN_KEY=XDBnYlkSiIcApr6wrPtma010IzF/eAzSeDCj6zu',
      ],
    },
  },
  {
    id: 'azure-container-registry-identifiable-key',
    title: 'Azure Container Registry password (identifiable)',
    signature: '+ACR',
    bytes: 39,
    seeds: { password: 'ACRDflt0' },
    remediation:
      'Regenerate the password in the Azure portal (container registry → Settings → Access keys, or Repository permissions → Tokens → the token → Regenerate, https://portal.azure.com/#browse/Microsoft.ContainerRegistry%2Fregistries) or with `az acr credential renew`; prefer Microsoft Entra ID and disable the admin user.',
    samples: {
      positive: [
        'echo "aWMVc5n7tf1iqlK9sL4d/Q9gCNxRcAfLJ+/Nn6e41C+ACRCemRsr" | docker login ordersacr.azurecr.io --username ordersacr --password-stdin',
        'ACR_PASSWORD=vOrx3/NRE+PJ36BtrozUfXRUNSWpIRFIfO1TEnh+P++ACRB9b+MI',
      ],
      negative: [
        'ACR_PASSWORD=vOrx3/NRE+PJ36BtrozUfXRUNSWpIRFIfO1TEnh+P++ACRB9b+MJ',
        'ACR_PASSWORD=<registry-password>',
        'ACR_PASSWORD=NSWpIRFIfO1TEnh+P++ACRB9b+MI',
        'ACR_PASSWORD=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+ACRAxxxxx',
      ],
    },
  },
  {
    id: 'azure-service-bus-identifiable-key',
    title: 'Azure Service Bus shared access key (identifiable)',
    signature: '+ASb',
    bytes: 32,
    seeds: MESSAGING_SEEDS,
    remediation:
      'Regenerate the key of the shared access policy in the Azure portal (Service Bus namespace → Settings → Shared access policies → the policy → Regenerate, https://portal.azure.com/#browse/Microsoft.ServiceBus%2Fnamespaces) or with `az servicebus namespace authorization-rule keys renew`; prefer Microsoft Entra ID.',
    samples: {
      positive: [
        'SERVICEBUS_CONNECTION="Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=5MPgIZlBGUuLaIhFUnZODp6YLUN29baFW+ASbD9IACc="',
        '"ServiceBusKey": "9srx3OnMj9+XvpmCBMutE4mbRPHokXWwr+ASbDFgHmg="',
      ],
      negative: [
        '"ServiceBusKey": "9srx3OnMj9+XvpmCBMutE4mbRPHokXWws+ASbDFgHmg="',
        // The checksum of another service's seed.
        '"ServiceBusKey": "Gw6MyMyAPozfVV30cW7r7ekJxJiU2uV2Z+ASbFRWxJY="',
        'SERVICEBUS_CONNECTION="Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"',
        '"ServiceBusKey": "OnMj9+XvpmCBMutE4mbRPHokXWwr+ASbDFgHmg="',
      ],
    },
  },
  {
    id: 'azure-event-hubs-identifiable-key',
    title: 'Azure Event Hubs shared access key (identifiable)',
    signature: '+AEh',
    bytes: 32,
    seeds: MESSAGING_SEEDS,
    remediation:
      'Regenerate the key of the shared access policy in the Azure portal (Event Hubs namespace or event hub → Settings → Shared access policies → Regenerate, https://portal.azure.com/#browse/Microsoft.EventHub%2Fnamespaces) or with `az eventhubs namespace authorization-rule keys renew`; prefer Microsoft Entra ID.',
    samples: {
      positive: [
        'EVENTHUB_CONNECTION="Endpoint=sb://telemetry-ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=m7t8VDjm4ZWmF8VntJAiJ6iq+ucv3453L+AEhC3Nl7k=;EntityPath=clicks"',
        'event_hub_key: "XGMO+Fh6wlkr8jzpt3ZRBaGIi9Tkl2SV2+AEhNess+s="',
      ],
      negative: [
        'event_hub_key: "XGMO+Fh6wlkr8jzpt3ZRBaGIi9Tkl2SV3+AEhNess+s="',
        'EVENTHUB_CONNECTION="Endpoint=sb://telemetry-ns.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey={key};EntityPath=clicks"',
        'event_hub_key: "Fh6wlkr8jzpt3ZRBaGIi9Tkl2SV2+AEhNess+s="',
        'event_hub_key: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+AEhAxxxxx="',
      ],
    },
  },
  {
    id: 'azure-relay-identifiable-key',
    title: 'Azure Relay shared access key (identifiable)',
    signature: '+ARm',
    bytes: 32,
    seeds: MESSAGING_SEEDS,
    remediation:
      'Regenerate the key of the shared access policy in the Azure portal (Relay namespace → Settings → Shared access policies → Regenerate, https://portal.azure.com/#browse/Microsoft.Relay%2Fnamespaces) or with `az relay namespace authorization-rule keys renew`.',
    samples: {
      positive: [
        'RELAY_CONNECTION="Endpoint=sb://hybrid-relay.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=ykPcgqL8nw3iH46Z+Qh7M5tGsPoAslGYq+ARmBKdOgI="',
        'relayKey = "aj0dDBK5HJP1wt/NzHj3BPcpUcs+oL7f9+ARmPDf+po="',
      ],
      negative: [
        'relayKey = "aj0dDBK5HJP1wt/NzHj3BPcpUcs+oL7f8+ARmPDf+po="',
        'relayKey = "<shared-access-key>"',
        'relayKey = "BK5HJP1wt/NzHj3BPcpUcs+oL7f9+ARmPDf+po="',
        'relayKey = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+ARmAxxxxx="',
      ],
    },
  },
  {
    id: 'azure-batch-identifiable-key',
    title: 'Azure Batch account key (identifiable)',
    signature: '+ABa',
    bytes: 64,
    seeds: { 'account key': 'AbAcct00' },
    remediation:
      'Regenerate the key in the Azure portal (Batch account → Settings → Keys → Regenerate, https://portal.azure.com/#browse/Microsoft.Batch%2FbatchAccounts) or with `az batch account keys renew`; prefer Microsoft Entra ID authentication.',
    samples: {
      positive: [
        'BATCH_ACCOUNT_KEY=1mAbstpynmQfv1CydRPj53yywD5mMD3SB+lJFJygg+KaUTAiEBmUyNVvSN3kkC3/6emGjD1IG0R++ABaFtwFDw==',
        'credentials = SharedKeyCredentials("renderfarm", "makQcos3/DTpWvNBO7vwG0gjwgUI3+Nyd1kBb4cMcXrQ6A1JNcyVQDwGG9KX1oz7OBSNyfyDn7Yq+ABa7mGUuQ==")',
      ],
      negative: [
        'BATCH_ACCOUNT_KEY=1mAbstpynmQfv1CydRPj53yywD5mMD3SB+lJFJygg+KaUTAiEBmUyNVvSN3kkC3/6emGjD1IG0R++ABaFtwFDg==',
        'BATCH_ACCOUNT_KEY=<batch-account-key>',
        'BATCH_ACCOUNT_KEY=ywD5mMD3SB+lJFJygg+KaUTAiEBmUyNVvSN3kkC3/6emGjD1IG0R++ABaFtwFDw==',
        'BATCH_ACCOUNT_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx+ABaxxxxxw==',
      ],
    },
  },
  {
    id: 'azure-apim-identifiable-key',
    title: 'Azure API Management key (identifiable)',
    signature: 'APIM',
    bytes: 64,
    seeds: { 'subscription key': 'IoTHub00', 'direct management key': 'Tenant00', 'gateway key': 'Gatewy00', 'repository key': 'GitKey00' },
    remediation:
      'Regenerate the key in the Azure portal (API Management instance → APIs → Subscriptions → the subscription → Regenerate key, or Deployment + infrastructure → Gateways / Management API for the others, https://portal.azure.com/#browse/Microsoft.ApiManagement%2Fservice); subscription keys can also be regenerated through the management REST API.',
    samples: {
      positive: [
        'curl -H "Ocp-Apim-Subscription-Key: zzrGWigf2TZnwvCeqOAicjtlwYkE50mhAXfPo9eReWVjaW9c5uE/DKGtQYirfRaaBtYEE6vOVlmfAPIMDkmRkA==" https://contoso-apim.azure-api.net/orders',
        'APIM_MANAGEMENT_KEY=QgebO2mjE5AH04CMTqSf9531PEs5eVJydd6exogRV5Y5L2Wawu754w0vrlXbKjKVuQp+TFF40EosAPIMvopDGQ==',
      ],
      negative: [
        'APIM_MANAGEMENT_KEY=QgebO2mjE5AH04CMTqSf9531PEs5eVJydd6exogRV5Y5L2Wawu754w0vrlXbKjKVuQp+TFF40EosAPIMvopDGg==',
        // An APIM service name, not a key.
        'resource "azurerm_api_management" "APIM" { name = "contoso-APIM-prod" }',
        'APIM_MANAGEMENT_KEY=eVJydd6exogRV5Y5L2Wawu754w0vrlXbKjKVuQp+TFF40EosAPIMvopDGQ==',
        'APIM_MANAGEMENT_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAPIMxxxxxw==',
      ],
    },
  },
  {
    id: 'azure-iot-identifiable-key',
    title: 'Azure IoT Hub / Device Provisioning shared access key (identifiable)',
    signature: 'AIoT',
    bytes: 32,
    seeds: { 'IoT Hub policy key': 'IoTHub00', 'device key': 'Device00', 'Device Provisioning Service key': 'DpsKey00' },
    remediation:
      'Regenerate the key in the Azure portal (IoT hub → Security settings → Shared access policies, or the device → Regenerate keys; Device Provisioning Service → Shared access policies, https://portal.azure.com/#browse/Microsoft.Devices%2FIotHubs) or with `az iot hub policy renew-key` / `az iot hub device-identity renew-key`; prefer X.509 or Microsoft Entra authentication.',
    samples: {
      positive: [
        'IOTHUB_CONNECTION_STRING="HostName=plant-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=jc8GMjQw774Q64ybfzYilhdssRdSLwnXHAIoTOyDNNw="',
        'device_connection = "HostName=plant-hub.azure-devices.net;DeviceId=press-07;SharedAccessKey=FL4TKAn+Z2kvLHysoTvCmDS7C5idf0shjAIoTCAJhz4="',
      ],
      negative: [
        'device_connection = "HostName=plant-hub.azure-devices.net;DeviceId=press-07;SharedAccessKey=FL4TKAn+Z2kvLHysoTvCmDS7C5idf0shkAIoTCAJhz4="',
        // Signed with a messaging seed, not an IoT one.
        'IOTHUB_KEY="HGWp1rPFObglwpNqBL/1KJB/+CWNBGp23AIoTF5+JRI="',
        'IOTHUB_CONNECTION_STRING="HostName=plant-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=<key>"',
        'IOTHUB_KEY="KJB/+CWNBGp23AIoTF5+JRI="',
      ],
    },
  },
];

export const identifiableKeyRules: readonly Rule[] = KINDS.map(identifiableKeyRule);
