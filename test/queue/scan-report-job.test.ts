// A finished scan's report as job data (the scan report job, on the scan-report queue): everything the check run and the incident issues need,
// with each secret in redacted form only (BullMQ stores job data in clear text in Redis).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { reportedResult, scanReportJobId, scanReportJobSchema, resultFromReport } from '../../src/queue/scan-report-job.js';
import type { ScanResult } from '../../src/scan/result.js';
import { pushJobOf } from './push-job.js';
import { allProviders } from '../../src/providers/index.js';

const KEY_ID = 'AKIA2E0A8F3B244C9986';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE'.replace('EXAMPLE', 'Zq81cX');

function scanResult(): { result: ScanResult; raw: string[] } {
  const token = generateGithubStyleToken('ghp_');
  const text = `GITHUB_TOKEN=${token}\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`;
  const findings: LocatedFinding[] = createEngine({ providers: allProviders })
    .scanText(text)
    .findings.map((finding) => ({ ...finding, path: 'config/deploy.env', commit: 'a'.repeat(40), author: 'Mona', date: '2026-03-02T10:00:00Z' }));
  const result: ScanResult = {
    target: 'octo-org/payments push @ aaaaaaaaaaaa',
    root: '',
    findings,
    stats: { filesScanned: 1, bytesScanned: text.length, commitsScanned: 1, baselined: 0, allowedInline: 0, skipped: [{ path: 'logo.png', reason: 'binary', bytes: 2048 }], durationMs: 12 },
  };
  return { result, raw: [token, KEY_ID, SECRET_KEY] };
}

describe('scan report job data', () => {
  it('holds every finding redacted, and no raw secret (the AWS key id a pair relates to included)', () => {
    const { result, raw } = scanResult();
    expect(result.findings.length).toBeGreaterThanOrEqual(2);
    const data = scanReportJobSchema.parse({
      scan: pushJobOf('d-1', 'b'.repeat(40), 'c'.repeat(40)),
      scanJobId: 'd-1-bbbb',
      startedAt: '2026-11-23T12:00:00.000Z',
      incidents: { assignees: [], labels: [] },
      result: reportedResult(result),
    });
    const json = JSON.stringify(data);
    for (const secret of raw) expect(json).not.toContain(secret);
    expect(json).toContain(result.findings[0]!.secret.redacted);
  });

  it('comes back as the same result for reporting, whose secrets show redacted and cannot be revealed', () => {
    const { result } = scanResult();
    const back = resultFromReport(scanReportJobSchema.shape.result.parse(JSON.parse(JSON.stringify(reportedResult(result)))));
    expect(back.stats).toEqual(result.stats);
    expect(back.findings.map((f) => ({ ...f, secret: f.secret.redacted }))).toEqual(result.findings.map(({ related: _, ...f }) => ({ ...f, secret: f.secret.redacted })));
    for (const finding of back.findings) expect(() => finding.secret.reveal()).toThrow();
  });

  it('cuts text a committer chooses (a 10 KB author name) so the report stays readable', () => {
    const { result } = scanResult();
    const odd: ScanResult = { ...result, findings: result.findings.map((f) => ({ ...f, author: 'x'.repeat(10_000), authorEmail: `${'y'.repeat(5_000)}@example.com` })) };
    const reported = reportedResult(odd);
    expect(reported.findings[0]?.author).toHaveLength(300);
    expect(scanReportJobSchema.shape.result.safeParse(reported).success).toBe(true);
  });

  it('refuses data that is not a report, naming the field', () => {
    const parsed = scanReportJobSchema.safeParse({ scanJobId: 'x' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues.map((i) => i.path.join('.')))).toContain('scan');
  });

  it('has one id per scan job, without the colon BullMQ forbids', () => {
    expect(scanReportJobId('d:1-bbbb')).toBe('d_1-bbbb-report');
  });
});
