// Docker Hub access tokens. Personal access tokens (https://docs.docker.com/security/access-tokens/)
// start `dckr_pat_`, as the Hub API reference's own request example shows
// (https://docs.docker.com/reference/api/hub/latest/operations/AuthCreateAccessToken.md);
// organization access tokens (https://docs.docker.com/enterprise/security/access-tokens/) start
// `dckr_oat_`. Docker publishes no length: the bodies are base64url, 27 characters for every PAT
// seen, so exactly that; OATs seen have 32, and as their length is less settled, 27 to 40 are taken.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
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

export const docker: ProviderDefinition = { id: 'docker', name: 'Docker Hub', rules: [personalAccessToken, organizationAccessToken] };
