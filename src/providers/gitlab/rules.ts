// GitLab tokens, by the prefixes in https://docs.gitlab.com/security/tokens/#token-prefixes.
// Personal access tokens come in two shapes: the classic glpat- + 20 characters, and since late
// 2024 the routable shape (glpat-<base64url payload>.<version>.<payload length><CRC32>), whose
// checksum is verified offline; routable runner tokens (glrt-t1_…) share that shape.
import { hasValidGitlabRoutableChecksum } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_START } from '../boundaries.js';

const START = TOKEN_START;
/** A dot may follow a classic token only if it does not continue into a routable token's suffix. */
const END = String.raw`(?![A-Za-z0-9_-]|\.[0-9a-z])`;
/** `.<2 base36 version>.` (absent in the first routable tokens), the payload length and the CRC. */
const ROUTABLE_SUFFIX = String.raw`\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}`;

const PAT_REMEDIATION =
  'Revoke the token at https://gitlab.com/-/user_settings/personal_access_tokens (on a self-managed instance, the same path on its host; project and group access tokens under Settings → Access tokens), then create a new one with the least scope needed.';
const RUNNER_REMEDIATION =
  "Reset the runner's authentication token in the runner's settings (project, group or Admin area → CI/CD → Runners → Edit → Reset token) or with POST /runners/reset_authentication_token, then re-register the runner.";

function checkRoutableChecksum({ secret }: Candidate): Validation {
  return hasValidGitlabRoutableChecksum(secret)
    ? { valid: true, confidence: 'checksum' }
    : { valid: false, reason: 'payload length or CRC32 does not match' };
}

const patClassic: Rule = {
  id: 'gitlab-pat',
  provider: 'gitlab',
  title: 'GitLab personal access token',
  severity: 'critical',
  keywords: ['glpat-'],
  prefixes: ['glpat-'],
  window: { before: 0, after: 26 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>glpat-[A-Za-z0-9_-]{20})${END}`),
  minEntropy: 3,
  remediation: PAT_REMEDIATION,
  samples: {
    positive: [
      'GITLAB_TOKEN=glpat-Vjsjv_Q93D2c-PHHkHZl',
      "git clone https://oauth2:glpat-IbzIlGqD25TBmlpMQ0On@gitlab.com/acme/platform.git",
      "  --build-arg 'GO_REPO_TOKEN=glpat-9aCQnw5N0EEShKQKTxMe' \\",
    ],
    negative: [
      'GITLAB_TOKEN=glpat-XXXXXXXXXXX-XXXXXXXX',
      'GITLAB_TOKEN=glpat-<your-token-here>',
      // Truncated.
      'GITLAB_TOKEN=glpat-Vjsjv_Q93D2c-PHHkH',
      'GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx',
    ],
  },
};

const patRoutable: Rule = {
  id: 'gitlab-pat-routable',
  provider: 'gitlab',
  title: 'GitLab personal access token (routable)',
  severity: 'critical',
  keywords: ['glpat-'],
  prefixes: ['glpat-'],
  window: { before: 0, after: 325 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>glpat-[A-Za-z0-9_-]{27,300}${ROUTABLE_SUFFIX})(?![A-Za-z0-9_.-])`),
  validate: checkRoutableChecksum,
  remediation: PAT_REMEDIATION,
  samples: {
    positive: [
      'GITLAB_TOKEN=glpat-YzoxCm86a20xCnU6NGU5MmxmG-nbs_2tHa8m8GYTj7ZqEA.01.1a0jsazrn',
      'curl --header "PRIVATE-TOKEN: glpat-YzoxCm86MWdxCnU6NWpteTEw1gpUIp4tvepx4C6OXifoEA.01.1a0ykdthl" https://gitlab.com/api/v4/user',
      // The first routable tokens had no version part.
      'gitlab_token = "glpat-YzoxCm86M2U4CnU6Mmt4OSVZmveIPbhjkmFpJkNACzcQ.180nhhkdg"',
    ],
    negative: [
      // One character changed: the CRC no longer matches.
      'GITLAB_TOKEN=glpat-YzoxCm86YTEKdTo3cWQwekDPHAICXuiN4x-l4W0WYzsR.01.181s23zke',
      'GITLAB_TOKEN=glpat-xxxxxxxx-xxxxxxxxxxxxxxxxxx.xxxxxxxxx',
      'GITLAB_TOKEN=glpat-<base64 payload>.01.<crc>',
      // Truncated: the CRC is cut short.
      'GITLAB_TOKEN=glpat-YzoxCm86YTEKdTo3cWQwekDPHAICXuiN4x-l4W0WYzsQ.01.181s23z',
    ],
  },
};

const runnerToken: Rule = {
  id: 'gitlab-runner-token',
  provider: 'gitlab',
  title: 'GitLab runner authentication token',
  severity: 'high',
  keywords: ['glrt-'],
  prefixes: ['glrt-'],
  window: { before: 0, after: 25 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>glrt-[A-Za-z0-9_-]{20})${END}`),
  minEntropy: 3,
  remediation: RUNNER_REMEDIATION,
  samples: {
    positive: [
      'gitlab-runner register --non-interactive --url https://gitlab.com --token glrt-pe8jvhKwJPNZaYT7Mwh6',
      '  token = "glrt-rqOyss7Q3-sQX6gzCkxL"',
    ],
    negative: [
      '  token = "glrt-xxxxxxxxxxxxxxxxxxxx"',
      '  token = "glrt-<runner token>"',
      '  token = "glrt-rqOyss7Q3-sQX6gz"',
    ],
  },
};

const runnerTokenRoutable: Rule = {
  id: 'gitlab-runner-token-routable',
  provider: 'gitlab',
  title: 'GitLab runner authentication token (routable)',
  severity: 'high',
  keywords: ['glrt-'],
  prefixes: ['glrt-'],
  window: { before: 0, after: 330 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>glrt-(?:t[0-9]_)?[A-Za-z0-9_-]{27,300}${ROUTABLE_SUFFIX})(?![A-Za-z0-9_.-])`),
  validate: checkRoutableChecksum,
  remediation: RUNNER_REMEDIATION,
  samples: {
    positive: [
      '  token = "glrt-t1_YzoxCm86MWZ0aAp0OjF4z98bJlQRKaYs8w8HLSvJEA.01.1611l4dnb"',
      'RUNNER_TOKEN=glrt-t1_YzoxCm86d3YxCnQ6MQ61kKBXraV5Yvl6IO-GIGsQ.01.1415jc2rt',
    ],
    negative: [
      '  token = "glrt-t1_YzoxCm86MWZ0aAp0OjF4z98bJlQRKaYs8w8HLSvJEB.01.1611l4dnb"',
      '  token = "glrt-tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx"',
      '  token = "glrt-t1_<payload>.01.<crc>"',
    ],
  },
};

const deployToken: Rule = {
  id: 'gitlab-deploy-token',
  provider: 'gitlab',
  title: 'GitLab deploy token',
  severity: 'high',
  keywords: ['gldt-'],
  prefixes: ['gldt-'],
  window: { before: 0, after: 25 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>gldt-[A-Za-z0-9_-]{20})${END}`),
  minEntropy: 3,
  remediation:
    'Revoke the deploy token in the project or group under Settings → Repository → Deploy tokens, then create a new one with only the scopes it needs.',
  samples: {
    positive: [
      'docker login registry.gitlab.com -u gitlab+deploy-token-1184 -p gldt-PQTOBhp1DRz3UT42k1Y3',
      'CI_DEPLOY_PASSWORD: "gldt-0TePOFjhucIW726RJ6Wk"',
    ],
    negative: [
      'CI_DEPLOY_PASSWORD: "gldt-xxxxxxxxxxxxxxxxxxxx"',
      'CI_DEPLOY_PASSWORD: "gldt-$CI_DEPLOY_TOKEN"',
      'CI_DEPLOY_PASSWORD: "gldt-0TePOFjhucIW726R"',
    ],
  },
};

const pipelineTriggerToken: Rule = {
  id: 'gitlab-pipeline-trigger-token',
  provider: 'gitlab',
  title: 'GitLab pipeline trigger token',
  severity: 'medium',
  keywords: ['glptt-'],
  prefixes: ['glptt-'],
  window: { before: 0, after: 46 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>glptt-[0-9a-f]{40})${END}`),
  minEntropy: 3,
  remediation:
    "Revoke the trigger token in the project's Settings → CI/CD → Pipeline trigger tokens and create a new one.",
  samples: {
    positive: [
      'curl -X POST --fail -F token=glptt-cd681ff95fecaaea5b430229d5f5bacfd66f1a42 -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline',
      'TRIGGER_TOKEN=glptt-3a294bde496a54de33690d1bb9317f9143a374c2',
    ],
    negative: [
      'TRIGGER_TOKEN=glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TRIGGER_TOKEN=glptt-<trigger token>',
      'TRIGGER_TOKEN=glptt-3a294bde496a54de33690d1bb9317f9143a374',
    ],
  },
};

const oauthAppSecret: Rule = {
  id: 'gitlab-oauth-app-secret',
  provider: 'gitlab',
  title: 'GitLab OAuth application secret',
  severity: 'high',
  keywords: ['gloas-'],
  prefixes: ['gloas-'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>gloas-[A-Za-z0-9_-]{64})${END}`),
  minEntropy: 3,
  remediation:
    'Renew the application secret under User settings → Applications (https://gitlab.com/-/user_settings/applications; group or instance applications in their settings) and deploy the new secret.',
  samples: {
    positive: [
      'GITLAB_CLIENT_SECRET=gloas-a982a0fbcdc283a7ef2897ce6b041f6bf51598618470926ca1bcd1bb422103f5',
      "  client_secret: 'gloas-808247f87a6f61b5e6d25e6b4bb75b61cf2a4d1468a9b719f9a83f18eb309f4c'",
    ],
    negative: [
      'GITLAB_CLIENT_SECRET=gloas-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITLAB_CLIENT_SECRET=gloas-<application secret>',
      'GITLAB_CLIENT_SECRET=gloas-a982a0fbcdc283a7ef2897ce6b041f6bf51598618470926ca1bcd1bb42',
    ],
  },
};

export const gitlab: ProviderDefinition = {
  id: 'gitlab',
  name: 'GitLab',
  rules: [patClassic, patRoutable, runnerToken, runnerTokenRoutable, deployToken, pipelineTriggerToken, oauthAppSecret],
};
