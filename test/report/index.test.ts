import { describe, expect, it } from 'vitest';
import { formatResult, type ReportFormat } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
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
