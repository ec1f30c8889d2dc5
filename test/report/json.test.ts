import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonReport, formatJson, jsonChunks } from '../../src/report/json.js';
import { jsonReportSchema } from '../../src/report/json.schema.js';
import { toolInfo, toolVersion } from '../../src/version.js';
import { awsFinding, cleanResult, expectNoRawSecret, githubFinding, incompleteResult, sampleResult } from './sample-result.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string; homepage?: string };

describe('formatJson', () => {
  const output = formatJson(sampleResult());
  const report = jsonReportSchema.parse(JSON.parse(output));

  it('parses with the documented, strict schema (no undocumented field, such as a raw secret)', () => {
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(report.target).toBe('git HEAD~14..HEAD in /work/repo');
    expect(report.root).toBe('/work/repo');
  });

  it('never contains a raw secret', () => {
    expectNoRawSecret(output);
  });

  it('carries every documented field of a finding, git fields only for git findings', () => {
    const aws = report.findings.find((f) => f.ruleId === 'aws-access-key-pair');
    expect(aws).toEqual({
      ruleId: 'aws-access-key-pair',
      provider: 'aws',
      title: 'AWS access key pair',
      severity: 'critical',
      confidence: 'structure',
      redacted: awsFinding.secret.redacted,
      fingerprint: awsFinding.fingerprint,
      path: 'deploy/my settings.env',
      line: 3,
      column: 23,
      endLine: 3,
      endColumn: 63,
      commit: 'abc1234def5678abc1234def5678abc1234def56',
      author: 'Jane Doe',
      authorEmail: 'jane@example.com',
      date: '2024-05-01T10:20:30Z',
      details: { awsAccountId: '123456789012' },
      remediation: 'Deactivate the key in the IAM console, then delete it.',
    });
    const github = report.findings.find((f) => f.ruleId === 'github-pat-classic');
    expect(github?.redacted).toBe(githubFinding.secret.redacted);
    expect(github && 'commit' in github).toBe(false);
  });

  it('orders findings by path and skipped files by reason then path', () => {
    expect(report.findings.map((f) => f.path)).toEqual(['a/notes.txt', 'deploy/my settings.env', 'src/config.ts']);
    expect(report.skipped.map((s) => s.path)).toEqual(['assets/font.woff', 'assets/logo.png', 'dump.sql']);
  });

  it('summarises counts by severity, provider and skip reason', () => {
    expect(report.summary).toEqual({
      findings: 3,
      bySeverity: { critical: 2, high: 0, medium: 0, low: 1 },
      byProvider: { aws: 1, generic: 1, github: 1 },
      filesScanned: 120,
      bytesScanned: 1_234_567,
      commitsScanned: 14,
      baselined: 1,
      allowedInline: 2,
      skipped: 3,
      skippedByReason: { binary: 2, 'too-large': 1 },
      durationMs: 800,
      incomplete: false,
    });
    expect(report.skipped).toContainEqual({ path: 'dump.sql', reason: 'too-large', bytes: 25_000_000, commit: 'fedcba9876543210fedcba9876543210fedcba98' });
  });

  it('writes paths relative to the root with forward slashes, even when given absolute', () => {
    const result = sampleResult({ findings: [{ ...githubFinding, path: '/work/repo/./src/deep/config.ts' }] });
    const parsed = jsonReportSchema.parse(JSON.parse(formatJson(result)));
    expect(parsed.findings[0]?.path).toBe('src/deep/config.ts');
  });

  it('is a complete document for a clean scan, without commit counts for a directory', () => {
    const clean = jsonReportSchema.parse(JSON.parse(formatJson(cleanResult())));
    expect(clean.findings).toEqual([]);
    expect(clean.skipped).toEqual([]);
    expect(clean.summary.findings).toBe(0);
    expect('commitsScanned' in clean.summary).toBe(false);
    expect(clean.summary.incomplete).toBe(false);
    expect('shallow' in clean.summary || 'config' in clean.summary).toBe(false);
  });

  it('says a scan that left something unread is incomplete, with each item and its detail', () => {
    const incomplete = jsonReportSchema.parse(JSON.parse(formatJson(incompleteResult())));
    expect(incomplete.summary).toMatchObject({ findings: 0, incomplete: true, skippedByReason: { unreadable: 2, binary: 1 } });
    expect(incomplete.skipped).toContainEqual({ path: 'secrets/', reason: 'unreadable', detail: 'EACCES' });
    expect(incomplete.skipped).toContainEqual({
      path: 'deploy/app.env',
      reason: 'unreadable',
      commit: 'fedcba9876543210fedcba9876543210fedcba98',
      detail: 'missing object 0123456789abcdef0123456789abcdef01234567',
    });
  });

  it('says whether a git history was shallow and which config the scan used, when the scan knows', () => {
    const incomplete = jsonReportSchema.parse(JSON.parse(formatJson(incompleteResult())));
    expect(incomplete.summary).toMatchObject({ shallow: true, config: ".leakstop.yml at main (the range's base)" });
    const deep = incompleteResult();
    deep.stats.shallow = false;
    expect(jsonReportSchema.parse(JSON.parse(formatJson(deep))).summary.shallow).toBe(false);
  });

  it('is rejected by the schema if a finding gains an undocumented field', () => {
    const tampered = JSON.parse(output) as { findings: Record<string, unknown>[] };
    tampered.findings[0]!['secret'] = 'anything';
    expect(jsonReportSchema.safeParse(tampered).success).toBe(false);
  });
});

describe('toolInfo', () => {
  it('is the version in package.json, as the reports show it', () => {
    expect(toolVersion()).toBe(packageJson.version);
    expect(toolInfo()).toEqual({
      name: packageJson.name,
      version: packageJson.version,
      informationUri: packageJson.homepage ?? `https://www.npmjs.com/package/${packageJson.name}`,
    });
  });
});

describe('jsonChunks', () => {
  /** What the report was before it came in chunks: one JSON.stringify of the whole document. */
  const whole = (result: ReturnType<typeof sampleResult>): string => `${JSON.stringify(buildJsonReport(result), null, 2)}\n`;

  it('gives JSON.stringify(report, null, 2) byte for byte: no findings, a few, and more than one chunk holds', () => {
    const few = sampleResult();
    const many = { ...few, findings: Array.from({ length: 1234 }, (_, i) => ({ ...few.findings[i % few.findings.length]!, line: i + 1 })) };
    for (const result of [cleanResult(), incompleteResult(), few, many]) {
      const chunks = [...jsonChunks(result)];
      expect(chunks.join('')).toBe(whole(result));
      expect(formatJson(result)).toBe(whole(result));
    }
    // 1,234 findings come in several pieces, none of them the whole report.
    const chunks = [...jsonChunks(many)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole(many).length / 2);
  });
});
