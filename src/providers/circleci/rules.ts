// CircleCI personal and project API tokens in the format of July 2023
// (https://circleci.com/changelog/new-format-for-api-access-tokens/): `CCIPAT_` (personal) or
// `CCIPRJ_` (project), a base58 UUID, `_` and 40 hex: CCIPAT_<base58-UUID>_<40-char-hex>. validate()
// decodes the base58 part and requires a version-4 UUID, so a made-up middle part is not a finding.
// Older tokens (bare 40 hex) have no prefix and are left to the generic rules.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const UUID_LIMIT = 1n << 128n;

/** The 128-bit value of a base58 UUID, or undefined when it is not base58 or exceeds 128 bits. */
function base58Uuid(text: string): bigint | undefined {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  return value < UUID_LIMIT ? value : undefined;
}

/** Version 4 (random), variant RFC 4122: how CircleCI's token ids decode. */
function isUuidV4(value: bigint): boolean {
  const version = (value >> 76n) & 0xfn;
  const variant = (value >> 62n) & 0x3n;
  return version === 4n && variant === 2n;
}

/** The token in CircleCI's changelog entry announcing the format. */
const DOCUMENTATION_EXAMPLE = 'CCIPAT_ULUhR6rJLxYbyzyrP19iMZ_8fb1e3510325f7f09361de22b9420346c53ca2cb';

function checkTokenId({ secret }: Candidate): Validation {
  if (secret === DOCUMENTATION_EXAMPLE) return { valid: false, reason: "example from CircleCI's changelog" };
  const id = secret.split('_')[1] ?? '';
  const value = base58Uuid(id);
  if (value === undefined) return { valid: false, reason: 'middle part is not a base58 128-bit id' };
  return isUuidV4(value) ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'middle part is not a version-4 UUID' };
}

function tokenRule(kind: 'personal' | 'project'): Rule {
  const prefix = kind === 'personal' ? 'CCIPAT_' : 'CCIPRJ_';
  return {
    id: kind === 'personal' ? 'circleci-personal-api-token' : 'circleci-project-api-token',
    provider: 'circleci',
    title: kind === 'personal' ? 'CircleCI personal API token' : 'CircleCI project API token',
    // Reads project environment variables and contexts' names, triggers pipelines.
    severity: kind === 'personal' ? 'critical' : 'high',
    keywords: [prefix],
    prefixes: [prefix],
    window: { before: 0, after: 75 },
    anchor: 'keyword',
    pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>${prefix}[1-9A-HJ-NP-Za-km-z]{20,22}_[a-f0-9]{40})${TOKEN_END}`),
    validate: checkTokenId,
    remediation:
      kind === 'personal'
        ? 'Delete the token in CircleCI (User settings → Personal API Tokens, https://app.circleci.com/settings/user/tokens), check the projects it could reach for pipelines you did not trigger, and create a new one with an expiry.'
        : 'Delete the token in the project (Project settings → API Permissions, https://circleci.com/docs/managing-api-tokens/) and create a new one.',
    samples:
      kind === 'personal'
        ? {
            positive: [
              'export CIRCLECI_TOKEN=CCIPAT_3w2S9rC5v7stVAxaBTi712_e61bcc1cc9f2559c204e2d75e2c0fc013ac6fe41',
              'curl -H "Circle-Token: CCIPAT_VniycZpuXfKHSZ2BJBL45E_76138b35ce52bb43a2bc118c5c6b7ccfd2d83d68" https://circleci.com/api/v2/me',
            ],
            negative: [
              // The base58 part decodes to a UUID that is not version 4.
              'CIRCLECI_TOKEN=CCIPAT_ULUhR6rJU9e3XbdFQLZBAj_c663fae058e1b65a6272e13f2e9a2184ffbf1340',
              'CIRCLECI_TOKEN=CCIPAT_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
              'CIRCLECI_TOKEN=CCIPAT_<base58-UUID>_<40-char-hex string>',
              'For example: CCIPAT_ULUhR6rJLxYbyzyrP19iMZ_8fb1e3510325f7f09361de22b9420346c53ca2cb',
              // 39 hex: truncated.
              'CIRCLECI_TOKEN=CCIPAT_3w2S9rC5v7stVAxaBTi712_e61bcc1cc9f2559c204e2d75e2c0fc013ac6fe4',
              // "0" and "l" are not base58.
              'CIRCLECI_TOKEN=CCIPAT_3w2S9rC5v7stVAxaBTi0l2_e61bcc1cc9f2559c204e2d75e2c0fc013ac6fe41',
            ],
          }
        : {
            positive: [
              'CIRCLE_PROJECT_TOKEN=CCIPRJ_HMp4qf9ndGtqtDvwgPbAsG_c31bea3d016f007db8166efcdc8b2737a2d8407b',
              "  circle_token: 'CCIPRJ_VfgnrmaTWWCAGReP86E5Gc_1857bf1678cc047748ce9c342fc1b3ba29f8cb3d'",
            ],
            negative: [
              'CIRCLE_PROJECT_TOKEN=CCIPRJ_ULUhR6rJU9e3XbdFQLZBAj_c663fae058e1b65a6272e13f2e9a2184ffbf1340',
              'CIRCLE_PROJECT_TOKEN=CCIPRJ_...',
              'CIRCLE_PROJECT_TOKEN=CCIPRJ_HMp4qf9ndGtqtDvwgPbAsG_c31bea3d016f007db8166efcdc8b2737a2d8407b0',
            ],
          },
  };
}

export const circleci: ProviderDefinition = { id: 'circleci', name: 'CircleCI', rules: [tokenRule('personal'), tokenRule('project')] };
