// Docker Hub access tokens. Personal access tokens (https://docs.docker.com/security/access-tokens/)
// start `dckr_pat_`, as the Hub API reference's own request example shows
// (https://docs.docker.com/reference/api/hub/latest/operations/AuthCreateAccessToken.md);
// organization access tokens (https://docs.docker.com/enterprise/security/access-tokens/) start
// `dckr_oat_`. Docker publishes no length: the bodies are base64url, 27 characters for every PAT
// seen, so exactly that; OATs seen have 32, and as their length is less settled, 27 to 40 are taken.
// Registry logins in a Docker config (`~/.docker/config.json`, a `.dockerconfigjson`): `docker login`
// stores `"auth": "<base64 of user:password>"` under `auths` when no credential helper is set
// (https://docs.docker.com/reference/cli/docker/login/#default-behavior). The engine also scans what
// an `auth` decodes to (encoded-values.ts): a token it recognises there is reported instead of this.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { decodeBase64 } from '../../detect/decode-base64.js';
import { placeholderReason } from '../../detect/placeholder.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

const MANUAL_PAT = 'https://app.docker.com/settings/personal-access-tokens';

const personalAccessToken: Rule = {
  id: 'docker-hub-pat',
  provider: 'docker',
  title: 'Docker Hub personal access token',
  // Push rights on images others pull: a supply-chain compromise.
  severity: 'critical',
  keywords: ['dckr_pat_'],
  prefixes: ['dckr_pat_'],
  window: { before: 0, after: 40 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>dckr_pat_[A-Za-z0-9_-]{27})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation: `Delete the token in Docker (Account settings → Personal access tokens, ${MANUAL_PAT}), check the repositories it could push to for tags you did not publish, and create a new one.`,
  samples: {
    positive: [
      'echo dckr_pat_PoEwpA7NjagBtcS5PVNKqMWcsug | docker login -u acme-ci --password-stdin',
      '          password: dckr_pat_d8MXmb5yHRqFVuLo2LV-v2p80s_',
    ],
    negative: [
      'DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // The Hub API reference's example value.
      '"secret": "dckr_pat_124509ugsdjga93"',
      // 26 characters: truncated.
      'DOCKERHUB_TOKEN=dckr_pat_Xs9mt15nmN8OHvRQLkeZt7lFKF',
      'DOCKERHUB_TOKEN=dckr_pat_<your token>',
      // 28 characters: a longer identifier.
      'DOCKERHUB_TOKEN=dckr_pat_Xs9mt15nmN8OHvRQLkeZt7lFKFvq',
    ],
  },
};

const organizationAccessToken: Rule = {
  id: 'docker-hub-oat',
  provider: 'docker',
  title: 'Docker Hub organization access token',
  severity: 'critical',
  keywords: ['dckr_oat_'],
  prefixes: ['dckr_oat_'],
  window: { before: 0, after: 50 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>dckr_oat_[A-Za-z0-9_-]{27,40})${TOKEN_END}`),
  minEntropy: 3.5,
  remediation:
    'Delete the token in the Docker Admin Console (the organization → Security and access → Access tokens, https://app.docker.com/admin), check the repositories it could push to, and generate a new one.',
  samples: {
    positive: [
      'DOCKER_API_TOKEN=dckr_oat_rtyCouMRVlkrwB8iyr8MWzu9CYkforQR',
      "docker login --username acme --password 'dckr_oat_ngoljyL8FUhWhlEdNUy9yWn9IsUix_ME'",
    ],
    negative: [
      'DOCKER_API_TOKEN=dckr_oat_...',
      'DOCKER_API_TOKEN=dckr_oat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 26 characters: truncated.
      'DOCKER_API_TOKEN=dckr_oat_88HX3yTXYDDapquEbSBuQRJDRB',
      'const mydckr_oat_88HX3yTXYDDapquEbSBuQRJDRBcMwW8v = 1;',
    ],
  },
};

/** Passwords that documentation writes where a real one goes. */
const PLACEHOLDER_PASSWORD = /^(?:pass(?:word|wd)?|passw0rd|p@ssw0rd|secret|token|changeme|test|\*+|x+|\.+)$/i;
/** GCR/Artifact Registry's login user for a service-account key as the password. */
const LONGEST_USERNAME = 256;

/** An `auth` value is `user:password` in base64, both printable and the password not a placeholder. */
function validateDockerAuth({ secret }: Candidate): Validation {
  const decoded = decodeBase64(secret);
  if (!decoded || !('text' in decoded)) return { valid: false, reason: 'not base64 of text' };
  const colon = decoded.text.indexOf(':');
  if (colon < 1 || colon > LONGEST_USERNAME) return { valid: false, reason: 'not user:password' };
  const username = decoded.text.slice(0, colon);
  const password = decoded.text.slice(colon + 1);
  if (/\s/.test(username) || password.length < 6) return { valid: false, reason: 'no password' };
  if (PLACEHOLDER_PASSWORD.test(password) || placeholderReason(password) !== undefined) return { valid: false, reason: 'placeholder password' };
  return { valid: true, details: { encoding: 'base64 user:password', username: username.length <= 64 ? username : `${username.slice(0, 64)}…` } };
}

const configAuth: Rule = {
  id: 'docker-config-auth',
  provider: 'docker',
  title: 'Docker registry login (config.json auth)',
  severity: 'high',
  confidence: 'structure',
  keywords: ['"auth"'],
  window: { before: 0, after: 8250 },
  anchor: 'keyword',
  // A GCR `_json_key` login holds a whole service-account key: up to 8 KiB of base64.
  pattern: /"auth"[ \t]{0,16}:[ \t]{0,16}"(?<secret>[A-Za-z0-9+/]{8,8192}={0,2})"/,
  validate: validateDockerAuth,
  remediation:
    "Change the password or revoke the token of that registry account (for Docker Hub, https://app.docker.com/settings/personal-access-tokens), then log in again with a credential helper (https://docs.docker.com/reference/cli/docker/login/#credential-stores) so the config holds no password.",
  samples: {
    positive: [
      '{"auths": {"registry.acme-corp.io": {"auth": "Y2ktYm90OlZyM2F3Tk1jQ0hialNBRFBjSWNYYXpzbw=="}}}',
      '\t\t\t"auth": "ZGVwbG95Ok5RdklldHYxN0hERGdDS1JROSNPYmFzdw==",',
    ],
    negative: [
      // username:password, as documentation writes it.
      '{"auths": {"https://index.docker.io/v1/": {"auth": "dXNlcm5hbWU6cGFzc3dvcmQ="}}}',
      // ci-bot:changeme
      '"auth": "Y2ktYm90OmNoYW5nZW1l"',
      // ci-bot: with no password.
      '"auth": "Y2ktYm90Og=="',
      // Not base64 of user:password.
      '"auth": "Vr3awNMcCHbjSADPcIcXazso"',
      '"auth": "<base64 of user:password>"',
    ],
  },
};

export const docker: ProviderDefinition = { id: 'docker', name: 'Docker Hub', rules: [personalAccessToken, organizationAccessToken, configAuth] };
