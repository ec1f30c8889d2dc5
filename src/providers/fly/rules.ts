// Fly.io API tokens (https://fly.io/docs/flyctl/tokens/, https://fly.io/docs/flyctl/tokens-create/):
// macaroons, written `FlyV1 fm2_<base64>,fm2_<base64>…` (a permission token and its discharge
// tokens), as Fly.io's own macaroon library documents (https://readme.hex.pm/macfly/0.2.20,
// https://github.com/superfly/macaroon). Each `fm2_` part is standard base64 of a MessagePack array,
// so it begins `fm2_lJPE` (0x94 0x93 0xC4). validate() decodes the first part and requires that
// array and a fly.io location, so `fm2_lJPE` followed by random base64 is not a finding.
import { decodeBase64 } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

const MSGPACK_FIXARRAY_4 = 0x94;

function checkMacaroon({ secret }: Candidate): Validation {
  const first = secret.split(',')[0]!.slice('fm2_'.length);
  const padded = first + '='.repeat((4 - (first.length % 4)) % 4);
  const bytes = decodeBase64(padded);
  if (!bytes || bytes[0] !== MSGPACK_FIXARRAY_4) return { valid: false, reason: 'not a MessagePack macaroon' };
  if (!bytes.includes('fly.io')) return { valid: false, reason: 'no fly.io location in the macaroon' };
  return { valid: true, confidence: 'structure' };
}

const apiToken: Rule = {
  id: 'fly-api-token',
  provider: 'fly',
  title: 'Fly.io API token',
  severity: 'critical',
  keywords: ['fm2_lJPE'],
  prefixes: ['fm2_'],
  window: { before: 0, after: 8000 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_+/])(?<secret>fm2_lJPE[A-Za-z0-9+/]{60,1500}={0,2}(?:,fm2_[A-Za-z0-9+/]{60,1500}={0,2}){0,4})(?![A-Za-z0-9+/=])/,
  validate: checkMacaroon,
  remediation:
    'Revoke the token with `fly tokens revoke <id>` (find it with `fly tokens list`) or on the dashboard\'s tokens page (https://fly.io/user/personal_access_tokens), then check the apps and machines it could reach.',
  samples: {
    positive: [
      'FLY_API_TOKEN="FlyV1 fm2_lJPECGbbqt5j1lQUxBBxgsaI+sPixWQ8X2hZ2yjVtWh0dHBzOi8vYXBpLmZseS5pby92MZQAks5NxwRPHwuTuWh0dHBzOi8vYXBpLmZseS5pby9hYWEvdjHEPGzp3zvRO/9svDr1Lt8FgYUNlVY2XVSF6pL9KTTiGPiqmGJJNKeUjWxKeSKt0JcVtJb2/Z4/r+O1lrww9sQgQpr4EAJL4Kc6j/hC+OnxCrKc+XhvDOR9Dd9pBrlR/kU=,fm2_lJPECF50C9X6odM5xBDtbRPXrhYUHsuCK17AEGDXtWh0dHBzOi8vYXBpLmZseS5pby9hYWEvdjGUAJLOR/zSPh8Lk7lodHRwczovL2FwaS5mbHkuaW8vYWFhL3YxxDwJSGCmQ8VF8w37BoWO6uLTfpY+xCq8KGvEj6qwP0cYjooh03ZLomOctFHzwlkPEsALOehNXAD+PQgl96bEIFePwVCW1IA7NJTetz4lDyPnDfxVnVJ2PwWsiSX7H66/"',
      '          FLY_API_TOKEN: FlyV1 fm2_lJPECBhEooFJkh64xBBZ9SFwa8KErKjgJbTm8MRQtWh0dHBzOi8vYXBpLmZseS5pby92MZQAks6aQLVmHwuTuWh0dHBzOi8vYXBpLmZseS5pby9hYWEvdjHEPLYIJYQaSYU2JtlwSeV8sUAQT1PjqY0FXuiShDGW2/nYbmHH5nhIbkBKGc1Tpv8qMpeBThk741JIiBE6C8QgPHInkXXQBO+v6wbzOP3+dwjcmlomFI5kkebBpkzyLsY=,fm2_lJPECKBaSH0Q9V9DxBDUCSFvPKgC5+J9qN0C/Z/ktWh0dHBzOi8vYXBpLmZseS5pby9hYWEvdjGUAJLOlLeTbx8Lk7lodHRwczovL2FwaS5mbHkuaW8vYWFhL3YxxDz+4yKWbCIgqW4DVITFEAzXLC7GHSJ9amA26dkYPKRQkRhvqWRwV3znM7NHRkiJrTIGRu6EGm+Gx2hjpPPEIDtq5sE/EZ1LS1dz4MbZTqDqwU4XSPrzi3g1xXZakVGB',
    ],
    negative: [
      // The right prefix, then random base64: no fly.io location.
      'FLY_API_TOKEN="FlyV1 fm2_lJPETTJAS/BF3DvUbakobu+nmBOc0rS/qNqxsrh8me7yMFyCsNQ/ZMUqhQ0cDK6hHEPPYd0X0h47M1k/y4KuFApH15UwlF3F/Wc1qdxefcjPI7lew9i3glK5SmN6qoz4Kh5JLhHVGqtUV8HxDCxQcACWqNVUdevnGSK4"',
      'export FLY_API_TOKEN="FlyV1 fm2_lJPECA..."',
      'FLY_API_TOKEN="FlyV1 fm2_lJPExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      // Cut off after the first bytes: too short to be a macaroon.
      'FLY_API_TOKEN="FlyV1 fm2_lJPECGbbqt5j1lQUxBBxgsaI+sPixWQ8X2hZ2yjVtWh0dHBzOi8vYXBp"',
    ],
  },
};

export const fly: ProviderDefinition = { id: 'fly', name: 'Fly.io', rules: [apiToken] };
