// Related secrets (an AWS pair's access key id) reach the leak response raw, through the engine and
// across scan threads, while every report and log form shows them redacted at most.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/detect/engine.js';
import type { LocatedFinding } from '../../src/detect/finding.js';
import { aws } from '../../src/providers/aws/rules.js';
import { completedOutput, findingAnnotations } from '../../src/report/check-run-payload.js';
import { incidentBody, incidentsFromFindings } from '../../src/report/incident-body.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import type { ScanResult } from '../../src/scan/result.js';
import { fromWire, toWire } from '../../src/scan/scan-pool.js';
import { allProviders } from '../../src/providers/index.js';

/** The pair of test/providers/aws.test.ts: the key id decodes to a real-looking account. */
const KEY_ID = 'AKIAWSBFTYUSTCVLRBTU';
const SECRET = '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';
const ROOT = '/work/repo';
const TEXT = `# deploy settings\nAWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`;

const engine = createEngine({ providers: allProviders });

function scanPair(): LocatedFinding {
  const findings = engine.scanText(TEXT).findings;
  expect(findings.map((f) => f.ruleId)).toEqual(['aws-access-key-pair']);
  return { ...findings[0]!, path: `${ROOT}/deploy/.env`, commit: 'abc1234def5678abc1234def5678abc1234def56', author: 'Jane Doe', date: '2024-05-01T10:20:30Z' };
}

function resultOf(finding: LocatedFinding): ScanResult {
  return {
    target: ROOT,
    root: ROOT,
    findings: [finding],
    stats: { filesScanned: 1, bytesScanned: TEXT.length, baselined: 0, allowedInline: 0, skipped: [], durationMs: 1 },
  };
}

/** Neither raw value, nor any 8-character slice of one, is in `output`. */
function expectNeitherRaw(output: string): void {
  for (const raw of [KEY_ID, SECRET]) {
    for (let i = 0; i + 8 <= raw.length; i++) expect(output, `a slice of ${raw === KEY_ID ? 'the key id' : 'the secret'} leaked`).not.toContain(raw.slice(i, i + 8));
  }
}

describe('related secrets on findings', () => {
  it('carry an AWS pair’s access key id, wrapped, beside its secret access key', () => {
    const finding = scanPair();
    expect(finding.secret.reveal()).toBe(SECRET);
    expect(finding.related?.['accessKeyId']?.reveal()).toBe(KEY_ID);
    expect(Object.keys(finding.related ?? {})).toEqual(['accessKeyId']);
  });

  it('are absent on findings without any', () => {
    const [keyIdAlone] = engine.scanText(`AWS_ACCESS_KEY_ID=${KEY_ID}\n`).findings;
    expect(keyIdAlone?.ruleId).toBe('aws-access-key-id');
    expect(keyIdAlone && 'related' in keyIdAlone).toBe(false);
  });

  it('survive the scan threads’ wire form, as plain data that a structured clone keeps', () => {
    const finding = scanPair();
    const wire = structuredClone(toWire(finding));
    expect(wire.related).toEqual({ accessKeyId: { value: KEY_ID, prefix: KEY_ID.slice(0, 4) } });
    const back = fromWire(wire);
    expect(back.related?.['accessKeyId']?.reveal()).toBe(KEY_ID);
    expect(back.secret.reveal()).toBe(SECRET);
    // The redacted forms are the worker's: the key id's declared prefix kept, none invented for the secret.
    expect(back.related?.['accessKeyId']?.redacted).toBe(finding.related?.['accessKeyId']?.redacted);
    expect(back.related?.['accessKeyId']?.redacted).toBe(`${KEY_ID.slice(0, 4)}…${KEY_ID.slice(-4)} (20 chars)`);
    expect(back.secret.redacted).toBe(`…${SECRET.slice(-4)} (40 chars)`);
    expectNeitherRaw(JSON.stringify(back));
    const plain = engine.scanText(`AWS_ACCESS_KEY_ID=${KEY_ID}\n`).findings[0]!;
    expect('related' in toWire(plain)).toBe(false);
    expect('related' in fromWire(toWire(plain))).toBe(false);
  });

  it('never reach the JSON, SARIF, text, check-run or incident output', () => {
    const finding = scanPair();
    const result = resultOf(finding);
    const [incident] = incidentsFromFindings([finding], { source: { owner: 'acme', repo: 'api' }, detectedAt: new Date('2024-05-01T10:21:00Z'), htmlBaseUrl: 'https://github.com' });
    const outputs = {
      json: formatJson(result),
      sarif: formatSarif(result, aws.rules),
      text: formatText(result, { color: false, verbose: true }),
      annotations: JSON.stringify(findingAnnotations(result)),
      checkRun: JSON.stringify(completedOutput(result)),
      incident: incident ? incidentBody(incident) : '',
    };
    for (const [format, output] of Object.entries(outputs)) {
      expect(output, format).not.toBe('');
      expectNeitherRaw(output);
    }
    // What the reports do show of the key id: its redacted form, from details.
    expect(outputs.json).toContain(finding.details['accessKeyId']);
  });

  it('stay redacted when a finding is logged or serialised whole', () => {
    const finding = scanPair();
    expectNeitherRaw(JSON.stringify(finding));
    expectNeitherRaw(inspect(finding, { depth: 10 }));
    expectNeitherRaw(String(finding.related?.['accessKeyId']));
  });
});
