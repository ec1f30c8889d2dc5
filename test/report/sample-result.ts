// A ScanResult built by hand for the report tests: three findings (a plain file, a git commit with
// a combined rule id the engine's rule list does not have, and a low-confidence one), skipped files
// of two kinds, and the raw secrets, which no report may contain.
import { expect } from 'vitest';
import type { LocatedFinding } from '../../src/detect/finding.js';
import type { Rule, Severity, Confidence } from '../../src/detect/rule.js';
import { fingerprint, Secret } from '../../src/detect/secret.js';
import type { ScanResult } from '../../src/scan/result.js';

/** Fake credentials: the right shape, made up (the GitHub one has no valid checksum). */
export const RAW_SECRETS = {
  github: 'ghp_' + 'Zq8XvN3kLw2Rt6Yb9Hc4Jd7Mf1Gp5Sx0Ua3E',
  aws: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYzq7Hd9Ls2T',
  generic: 'q7Yt2Lm9Xp4Vr8Nc' + '3Wd6Kb1Hs5',
} as const;

export const ROOT = '/work/repo';

export const githubRule: Rule = {
  id: 'github-pat-classic',
  provider: 'github',
  title: 'GitHub personal access token (classic)',
  severity: 'critical',
  confidence: 'checksum',
  keywords: ['ghp_'],
  window: { before: 0, after: 40 },
  pattern: /ghp_[A-Za-z0-9]{36}/,
  remediation: 'Revoke the token at https://github.com/settings/tokens and create a new one.',
  samples: { positive: [], negative: [] },
};

export const genericRule: Rule = {
  id: 'generic-api-key',
  provider: 'generic',
  title: 'Generic API key',
  severity: 'low',
  confidence: 'entropy',
  keywords: ['api_key'],
  window: { before: 0, after: 60 },
  pattern: /[A-Za-z0-9]{20,40}/,
  remediation: 'Revoke the key with its issuer and load it from the environment instead.',
  samples: { positive: [], negative: [] },
};

export const RULES: readonly Rule[] = [githubRule, genericRule];

interface FindingInput {
  ruleId: string;
  provider: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  raw: string;
  path: string;
  line: number;
  column: number;
  details?: Record<string, string>;
  remediation: string;
  git?: { commit: string; author: string; authorEmail: string; date: string };
}

export function makeFinding(input: FindingInput): LocatedFinding {
  const finding: LocatedFinding = {
    ruleId: input.ruleId,
    provider: input.provider,
    title: input.title,
    severity: input.severity,
    confidence: input.confidence,
    secret: new Secret(input.raw),
    fingerprint: fingerprint(input.ruleId, input.raw),
    line: input.line,
    column: input.column,
    endLine: input.line,
    endColumn: input.column + input.raw.length,
    details: input.details ?? {},
    remediation: input.remediation,
    path: input.path,
  };
  return input.git ? { ...finding, ...input.git } : finding;
}

export const githubFinding = makeFinding({
  ruleId: githubRule.id,
  provider: 'github',
  title: githubRule.title,
  severity: 'critical',
  confidence: 'checksum',
  raw: RAW_SECRETS.github,
  path: 'src/config.ts',
  line: 12,
  column: 18,
  remediation: githubRule.remediation,
});

/** A combined finding: its rule id is not among RULES, as the AWS provider's combine() produces. */
export const awsFinding = makeFinding({
  ruleId: 'aws-access-key-pair',
  provider: 'aws',
  title: 'AWS access key pair',
  severity: 'critical',
  confidence: 'structure',
  raw: RAW_SECRETS.aws,
  path: 'deploy/my settings.env',
  line: 3,
  column: 23,
  details: { awsAccountId: '123456789012' },
  remediation: 'Deactivate the key in the IAM console, then delete it.',
  git: { commit: 'abc1234def5678abc1234def5678abc1234def56', author: 'Jane Doe', authorEmail: 'jane@example.com', date: '2024-05-01T10:20:30Z' },
});

export const genericFinding = makeFinding({
  ruleId: genericRule.id,
  provider: 'generic',
  title: genericRule.title,
  severity: 'low',
  confidence: 'entropy',
  raw: RAW_SECRETS.generic,
  path: 'a/notes.txt',
  line: 1,
  column: 9,
  remediation: genericRule.remediation,
});

export function sampleResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    target: 'git HEAD~14..HEAD in /work/repo',
    root: ROOT,
    findings: [githubFinding, awsFinding, genericFinding],
    stats: {
      filesScanned: 120,
      bytesScanned: 1_234_567,
      commitsScanned: 14,
      baselined: 1,
      allowedInline: 2,
      skipped: [
        { path: 'assets/logo.png', reason: 'binary', bytes: 12_345 },
        { path: 'dump.sql', reason: 'too-large', bytes: 25_000_000, commit: 'fedcba9876543210fedcba9876543210fedcba98' },
        { path: 'assets/font.woff', reason: 'binary' },
      ],
      durationMs: 800,
    },
    ...overrides,
  };
}

export function cleanResult(): ScanResult {
  return {
    target: '/work/repo',
    root: ROOT,
    findings: [],
    stats: { filesScanned: 42, bytesScanned: 5_000, baselined: 0, allowedInline: 0, skipped: [], durationMs: 25 },
  };
}

/**
 * No raw secret, and no 8-character slice of one, appears in the output: a redacted value shows
 * only a type prefix and the last 4 characters.
 */
export function expectNoRawSecret(output: string): void {
  for (const raw of Object.values(RAW_SECRETS)) {
    expect(output).not.toContain(raw);
    for (let i = 0; i + 8 <= raw.length; i++) expect(output, `slice ${i} of a secret leaked`).not.toContain(raw.slice(i, i + 8));
  }
}

/**
 * A scan with no findings that left two items unread (a directory without permission and a missing
 * git object), one binary file skipped, a shallow history and a config named: no claim of clean.
 */
export function incompleteResult(): ScanResult {
  const result = cleanResult();
  result.config = ".leakstop.yml at main (the range's base)";
  result.stats.shallow = true;
  result.stats.commitsScanned = 1;
  result.stats.skipped = [
    { path: 'secrets/', reason: 'unreadable', detail: 'EACCES' },
    { path: 'assets/logo.png', reason: 'binary', bytes: 12_345 },
    { path: 'deploy/app.env', reason: 'unreadable', commit: 'fedcba9876543210fedcba9876543210fedcba98', detail: 'missing object 0123456789abcdef0123456789abcdef01234567' },
  ];
  return result;
}
