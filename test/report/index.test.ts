import { describe, expect, it } from 'vitest';
import { formatResult, reportChunks, type ReportFormat } from '../../src/report/index.js';
import { buildJsonReport, formatJson } from '../../src/report/json.js';
import { buildSarifLog, formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { expectNoRawSecret, RULES, sampleResult } from './sample-result.js';

describe('formatResult', () => {
  it('dispatches to the format asked for, with its options', () => {
    const result = sampleResult();
    expect(formatResult(result, 'text', { color: true, verbose: true })).toBe(formatText(result, { color: true, verbose: true }));
    expect(formatResult(result, 'json')).toBe(formatJson(result));
    expect(formatResult(result, 'sarif', { rules: RULES })).toBe(formatSarif(result, RULES));
  });

  it('defaults to plain, non-verbose text', () => {
    const text = formatResult(sampleResult(), 'text');
    expect(text).not.toContain('\x1b');
    expect(text).toContain('Run with --verbose to list them.');
  });

  it.each<ReportFormat>(['text', 'json', 'sarif'])('never writes a raw secret in %s', (format) => {
    const output = formatResult(sampleResult(), format, { color: true, verbose: true, rules: RULES });
    expectNoRawSecret(output);
  });
});

describe('reportChunks', () => {
  const few = sampleResult();
  const many = { ...few, findings: Array.from({ length: 1234 }, (_, i) => ({ ...few.findings[i % few.findings.length]!, line: i + 1 })) };

  it.each<ReportFormat>(['text', 'json', 'sarif'])('gives %s in pieces, none of them the whole report, that join to formatResult', (format) => {
    const options = { color: false, verbose: true, rules: RULES };
    for (const result of [few, many]) expect([...reportChunks(result, format, options)].join('')).toBe(formatResult(result, format, options));
    const chunks = [...reportChunks(many, format, options)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(chunks.join('').length / 2);
  });

  it('gives JSON and SARIF exactly as JSON.stringify(document, null, 2) does', () => {
    for (const result of [few, many, { ...few, findings: [] }]) {
      expect([...reportChunks(result, 'json')].join('')).toBe(`${JSON.stringify(buildJsonReport(result), null, 2)}\n`);
      expect([...reportChunks(result, 'sarif', { rules: RULES, pathPrefix: 'src/' })].join('')).toBe(`${JSON.stringify(buildSarifLog(result, RULES, { pathPrefix: 'src/' }), null, 2)}\n`);
    }
  });
});
