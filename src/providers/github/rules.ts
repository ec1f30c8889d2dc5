// GitHub tokens. Since 2021 every token type has its own prefix (ghp_, gho_, ghu_, ghs_, ghr_)
// followed by 30 random base62 characters and a 6-character CRC32 checksum, so a match that
// passes the checksum is all but certainly a real token
// (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
// Fine-grained tokens (github_pat_) carry no documented checksum. Since April 2026 installation
// tokens may also be stateless: `ghs_<app id>_<JWT>`, about 520 characters
// (https://github.blog/changelog/2026-05-15-github-app-installation-tokens-per-request-override-header/).
import { hasValidGithubStyleChecksum, inspectJwt } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Severity, Validation } from '../../detect/rule.js';

function checkChecksum({ secret }: Candidate): Validation {
  return hasValidGithubStyleChecksum(secret)
    ? { valid: true, confidence: 'checksum' }
    : { valid: false, reason: 'CRC32 checksum does not match' };
}

interface ChecksummedTokenSpec {
  id: string;
  prefix: string;
  title: string;
  severity: Severity;
  remediation: string;
  samples: Rule['samples'];
}

/** A `xxx_` + 36 base62 token whose last 6 characters are the checksum of the 30 before them. */
function checksummedToken(spec: ChecksummedTokenSpec): Rule {
  return {
    id: spec.id,
    provider: 'github',
    title: spec.title,
    severity: spec.severity,
    confidence: 'pattern',
    keywords: [spec.prefix],
    prefixes: [spec.prefix],
    window: { before: 0, after: 40 },
    anchor: 'keyword',
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>${spec.prefix}[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
    validate: checkChecksum,
    remediation: spec.remediation,
    samples: spec.samples,
  };
}

const patClassic = checksummedToken({
  id: 'github-pat-classic',
  prefix: 'ghp_',
  title: 'GitHub personal access token (classic)',
  severity: 'critical',
  remediation:
    'Delete the token at https://github.com/settings/tokens (its owner can; an organization owner can revoke its access to the organization), then create a new one with only the scopes it needs.',
  samples: {
    positive: [
      'export GITHUB_TOKEN=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',
      "const octokit = new Octokit({ auth: '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' });",
      'git clone https://x-access-token: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@github.com/acme/infra.git',
    ],
    negative: [
      // One character changed: the checksum no longer matches.
      'export GITHUB_TOKEN=ghp_8pbT4laT3XlijiKip3bnytAcC01Ftl05Cnyf',
      'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'export GITHUB_TOKEN=<YOUR_GITHUB_TOKEN>',
      // Truncated.
      'export GITHUB_TOKEN=ghp_dxy4OrK8AHMFj7yMWqCWnLc0br2Grz2qp1H',
      // Part of a longer identifier.
      'const legacy_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 = true;',
    ],
  },
});

const oauthToken = checksummedToken({
  id: 'github-oauth-token',
  prefix: 'gho_',
  title: 'GitHub OAuth app access token',
  severity: 'high',
  remediation:
    'Revoke the authorization at https://github.com/settings/applications (Authorized OAuth Apps); the app owner can revoke a single token with DELETE /applications/{client_id}/token.',
  samples: {
    positive: [
      'GH_OAUTH_TOKEN="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"',
      '  oauth_token: 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',
    ],
    negative: [
      'GH_OAUTH_TOKEN="gho_UqrT3Val5yavARwS7tp4TQds05kYRW3aHbdJ"',
      'GH_OAUTH_TOKEN="gho_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'GH_OAUTH_TOKEN="gho_<token>"',
      'GH_OAUTH_TOKEN="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q"',
    ],
  },
});

const userToServerToken = checksummedToken({
  id: 'github-user-to-server-token',
  prefix: 'ghu_',
  title: 'GitHub App user access token',
  severity: 'high',
  remediation:
    'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations; the app can also revoke the token with DELETE /applications/{client_id}/token.',
  samples: {
    positive: [
      'Authorization: Bearer ghu_FooDqu5FX9iXCYvCN8gjoXebuYWvLQ0Tgbxz',
      '{"access_token": "ghu_MZxMT8A7bR7qzjk7m9TSId9KFOFe0c0C7fMs", "token_type": "bearer"}',
    ],
    negative: [
      'Authorization: Bearer ghu_qCrxJeaclSXSlj0ZfLFXFH3BQVyC1T3A4s4T',
      'Authorization: Bearer ghu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'Authorization: Bearer ghu_${USER_TOKEN}',
      'Authorization: Bearer ghu_FooDqu5FX9iXCYvCN8gjoXebuYWvLQ0Tgbx',
    ],
  },
});

const installationToken = checksummedToken({
  id: 'github-installation-token',
  prefix: 'ghs_',
  title: 'GitHub App installation access token',
  severity: 'high',
  remediation:
    "An installation token expires within an hour; revoke it at once with DELETE /installation/token (authenticated with the token itself). If the app's private key leaked too, generate a new key at https://github.com/settings/apps and delete the old one.",
  samples: {
    positive: [
      'GITHUB_TOKEN: ghs_y8cO4DVAbcX2zA2CXKnWEX5aNWOTgw0EuBtr',
      "git remote set-url origin 'https://x-access-token:ghs_efZOFLgM2NFEDwwp3PmO2zROW2pHjf24Sbun@github.com/acme/app.git'",
    ],
    negative: [
      'GITHUB_TOKEN: ghs_sABSpOaepyOSft7gEElJlSouRyuYMO2Ml9bw',
      'GITHUB_TOKEN: ghs_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_TOKEN: ghs_{{ steps.app.outputs.token }}',
      'GITHUB_TOKEN: ghs_y8cO4DVAbcX2zA2CXKnWEX5aNWOTgw0E',
    ],
  },
});

const refreshToken = checksummedToken({
  id: 'github-refresh-token',
  prefix: 'ghr_',
  title: 'GitHub App refresh token',
  severity: 'high',
  remediation:
    'Revoke the GitHub App authorization at https://github.com/settings/apps/authorizations: that invalidates the refresh token and every user access token made from it.',
  samples: {
    positive: [
      'GITHUB_REFRESH_TOKEN=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',
      '{"refresh_token":"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","refresh_token_expires_in":15811200}',
    ],
    negative: [
      'GITHUB_REFRESH_TOKEN=ghr_KIjnNHanYFBFCydBkGNLNbH12h6ZvN1Apu9C',
      'GITHUB_REFRESH_TOKEN=ghr_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_REFRESH_TOKEN=ghr_<refresh token>',
      'GITHUB_REFRESH_TOKEN=ghr_Emxnlh4uibJjuAgkeKCllGuzOFUjyr1a50',
    ],
  },
});

/** The JWT of a stateless installation token must decode; its claims are shown, never its signature. */
function checkStatelessInstallationToken({ groups }: Candidate): Validation {
  const jwt = inspectJwt(groups['jwt'] ?? '');
  if (!jwt) return { valid: false, reason: 'not a JWT: header and payload must be base64url JSON objects' };
  const details: Record<string, string> = { appId: groups['appId'] ?? '', alg: jwt.alg };
  if (jwt.iss !== undefined) details['iss'] = jwt.iss;
  if (jwt.exp !== undefined) details['expiresAt'] = jwt.exp;
  return { valid: true, confidence: 'structure', details };
}

const statelessInstallationToken: Rule = {
  id: 'github-installation-token-stateless',
  provider: 'github',
  title: 'GitHub App installation access token (stateless)',
  severity: 'high',
  keywords: ['ghs_'],
  prefixes: ['ghs_'],
  window: { before: 0, after: 4096 },
  anchor: 'keyword',
  // JWT parts are base64url and cannot contain '.', so each bounded run ends at its dot.
  pattern:
    /(?<![A-Za-z0-9_])(?<secret>ghs_(?<appId>[0-9]{1,12})_(?<jwt>[A-Za-z0-9_-]{8,1024}\.[A-Za-z0-9_-]{8,2048}\.[A-Za-z0-9_-]{16,1024}))(?![A-Za-z0-9_.-])/,
  validate: checkStatelessInstallationToken,
  remediation: installationToken.remediation,
  samples: {
    positive: [
      'GH_TOKEN=ghs_310345_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2dpdGh1Yi5jb20iLCJhdWQiOiJodHRwczovL2FwaS5naXRodWIuY29tIiwiaWF0IjoxNzY3OTU3ODUxLCJleHAiOjE3Njc5NjE0NTEsImFwcF9pZCI6MzEwMzQ1LCJpbnN0YWxsYXRpb25faWQiOjg2MjIyMjE1LCJqdGkiOiJlZjIxZTFiMzliMDRiYjRjYjI5MGVkNWEzMGQ1ZWJkNyJ9.Vek2dfv9kAQr-u4x0Z2yrT6_C46AioyuF7v6C5y8j3qsEKUw8DAl_tERdlDebvecclS2PovfZvryax1jWPBgOWyTG7VlKDDu8_3utmgtNt3SUTgUPYtWLZjkkYfa8KDaKfo0jrCNWjyUt8sgnPQ1Trc1ocOCEZnMquW83okX2e4CynRlfaD-VGkiwKTYicAND9MUFP7Ll8w9biO0cAcwsrQ4LH8Pcs1l4kbjH8MtfucsT3Di7EuNUO1YBeXioVLKcI8LYX7DqtOHYB9_1YHNFwC5_tT0vdpGs3_JtqPzLgYkTT32NHtEDHVTf02wJ4l2KDrKV3vv3OAqdpIv3BSw7Q',
      '  "token": "ghs_593539_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2dpdGh1Yi5jb20iLCJhdWQiOiJodHRwczovL2FwaS5naXRodWIuY29tIiwiaWF0IjoxNzczMjI2ODkyLCJleHAiOjE3NzMyMzA0OTIsImFwcF9pZCI6NTkzNTM5LCJpbnN0YWxsYXRpb25faWQiOjgyNzg3NTMyLCJqdGkiOiI1NGQ4Y2ZkNTJlZTQxZjk3YTBkYzdlMmQ0Mjk0YWJlMiJ9.KAXAmItHmhUndtyz_3LxuLRGJxZSRF5FwT8aWZdYQFpYPEeCoaKAnLPt7X3ucbAHO9C8IiRmXDw0jlhzYak_bTbSLDR_G_qjJpoGabQLW60zNDDGqK9d52LfY-k1ANhm4BdUILEGcuUvdrsOX-8YyntLvPsHGSg5GYrBmvKvlzbGCAgHitS0pGvAWwUXeRj69Zf9DtxmjPxqSFy64db-eTRebbGgN75ICSSNtPLFda59KNQgh_LpOlL_EVUu4LTkNlRSmtXNrd9bxF3jVfr4SLI--4UXf1lxCmt98HJyEC3-yNDPM-Nu8HKe3QkxrovU2JgkzCm2UM5I3vA4IPSGpg",',
    ],
    negative: [
      // Three dotted parts, but the header is not base64url JSON.
      'GH_TOKEN=ghs_310345_hTq8rVn2Lw5KxZ3pYb7G.Mc4Jd9Fs6Ht1Rk8Wq2Ev.Np5Xa3Lg7Bz2Cy9Tu4Km6Dr1Qs8Fw3Hj5',
      'GH_TOKEN=ghs_APPID_JWT',
      'GH_TOKEN=ghs_310345_<jwt header>.<jwt payload>.<signature>',
      // Truncated: the signature is missing.
      'GH_TOKEN=ghs_310345_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2dpdGh1Yi5jb20ifQ',
    ],
  },
};

const patFineGrained: Rule = {
  id: 'github-pat-fine-grained',
  provider: 'github',
  title: 'GitHub fine-grained personal access token',
  severity: 'critical',
  keywords: ['github_pat_'],
  prefixes: ['github_pat_'],
  window: { before: 0, after: 93 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  remediation:
    'Delete the token at https://github.com/settings/personal-access-tokens (an organization owner can revoke its access to the organization from the organization settings), then create a new one scoped to the repositories it needs.',
  samples: {
    positive: [
      'GH_TOKEN=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',
      "headers = {'Authorization': 'token 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'}",
    ],
    negative: [
      'GH_TOKEN=github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GH_TOKEN=github_pat_<your fine-grained token>',
      // Truncated second part.
      'GH_TOKEN=github_pat_11WVT97ANRWVP18PYMKF7J_TaTfbbTM3HoPHtgDNU7y7wauK9QA0zjU56xK8ZlvIIc5FWVHb41BZXJe6',
      'const github_pat_prefix_length = 11;',
    ],
  },
};

export const github: ProviderDefinition = {
  id: 'github',
  name: 'GitHub',
  rules: [patClassic, patFineGrained, oauthToken, userToServerToken, installationToken, statelessInstallationToken, refreshToken],
};
