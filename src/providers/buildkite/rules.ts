// Buildkite tokens with a type prefix (https://buildkite.com/docs/platform/security/tokens):
// - API access tokens (user access tokens), `bkua_`, since March 2023: in the current form a short
//   base64 segment (e.g. `MTA`, base64 of "10"), a dot and 40 hex; earlier ones `bkua_` + 40 hex.
// - Agent session (access) tokens, `bkaa_`, since January 2025: the same base64 segment, a dot and
//   77 alphanumerics.
// Job tokens (`bkaj_` + a JWT) live for one job and are left out. validate() requires the segment to
// decode to a number, so `bkua_x.` + hex is not a finding.
import { decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

/** The tokens in Buildkite's token security page. */
const DOCUMENTATION_EXAMPLES = new Set([
  'bkua_MTA.4f6ccde8c73e26244d73c5a77c91c242c0c818ce',
  'bkaa_MTA.Miyf6S3a3g9j8pyBGTyLC1frg9k6gDHTJdL9Fy7FXzRhrAVPckkzK6oEmdQVLvzUjt4rvW7cRPJEu',
]);

function checkSegment({ secret }: Candidate): Validation {
  if (DOCUMENTATION_EXAMPLES.has(secret)) return { valid: false, reason: "example from Buildkite's token security page" };
  const dot = secret.indexOf('.');
  if (dot < 0) return { valid: true };
  const segment = decodeBase64Url(secret.slice('bkua_'.length, dot))?.toString('latin1');
  return segment !== undefined && /^\d{1,6}$/.test(segment) ? { valid: true, confidence: 'structure' } : { valid: false, reason: 'the part before the dot is not a base64 number' };
}

const apiAccessToken: Rule = {
  id: 'buildkite-api-access-token',
  provider: 'buildkite',
  title: 'Buildkite API access token',
  severity: 'critical',
  keywords: ['bkua_'],
  prefixes: ['bkua_'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>bkua_(?:[A-Za-z0-9]{2,8}\.)?[a-f0-9]{40})(?![A-Za-z0-9_.-])`),
  minEntropy: 3,
  validate: checkSegment,
  remediation:
    'Revoke the token in Buildkite (Personal settings → API Access Tokens, https://buildkite.com/user/api-access-tokens, or DELETE https://api.buildkite.com/v2/access-token with it), check the organizations it could reach for builds and pipeline changes you did not make, and create a new one.',
  samples: {
    positive: [
      'export BUILDKITE_API_TOKEN=bkua_MTA.41f1dd87d91920823d07642b105b08ec80483d02',
      'bk auth login --org acme --token bkua_2958c2451963532aed8bb9ba463878135946cc3c',
    ],
    negative: [
      'BUILDKITE_API_TOKEN=bkua_MTA.4f6ccde8c73e26244d73c5a77c91c242c0c818ce',
      'BUILDKITE_API_TOKEN=bkua_*****************************************************',
      // "zzZ" is not base64 of a number.
      'BUILDKITE_API_TOKEN=bkua_enpa.6fb1dae25b7177b5587dfd1f525a8f7eab84338f',
      // 39 hex: truncated.
      'BUILDKITE_API_TOKEN=bkua_MTA.6fb1dae25b7177b5587dfd1f525a8f7eab84338',
    ],
  },
};

const agentSessionToken: Rule = {
  id: 'buildkite-agent-session-token',
  provider: 'buildkite',
  title: 'Buildkite agent session token',
  severity: 'high',
  keywords: ['bkaa_'],
  prefixes: ['bkaa_'],
  window: { before: 0, after: 100 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>bkaa_[A-Za-z0-9]{2,8}\.[A-Za-z0-9]{77})${TOKEN_END}`),
  minEntropy: 4,
  validate: checkSegment,
  remediation:
    'Stop the agent and revoke its session in Buildkite (the cluster → Agents, https://buildkite.com/docs/agent/v3/tokens), rotate the agent token it registered with, and restart the agent.',
  samples: {
    positive: [
      'BUILDKITE_AGENT_ACCESS_TOKEN=bkaa_MTA.RRGFk9ypiZ1HbodsJXEa66cccNksGhtyK1qCSgMNIebOeBDe5ggXcXseKngWk9qzkqydI2nJDDQ5c',
      '"session_token": "bkaa_MTA.3c0FDFYNiK0Q38x1L1qAB6J34FZaxsXKGtrMuni1nL9tCMrP8GVoVSNoZiaamAr4L2Z9chjsW3Dss"',
    ],
    negative: [
      'token: bkaa_MTA.Miyf6S3a3g9j8pyBGTyLC1frg9k6gDHTJdL9Fy7FXzRhrAVPckkzK6oEmdQVLvzUjt4rvW7cRPJEu',
      'token: bkaa_***************************************************************************',
      // 76 characters: truncated.
      'token: bkaa_MTA.3c0FDFYNiK0Q38x1L1qAB6J34FZaxsXKGtrMuni1nL9tCMrP8GVoVSNoZiaamAr4L2Z9chjsW3Ds',
    ],
  },
};

export const buildkite: ProviderDefinition = { id: 'buildkite', name: 'Buildkite', rules: [apiAccessToken, agentSessionToken] };
