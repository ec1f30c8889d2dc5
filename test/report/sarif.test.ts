import { readFileSync } from 'node:fs';
import { Ajv, type AnySchemaObject } from 'ajv';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatSarif, SARIF_FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { awsFinding, cleanResult, expectNoRawSecret, githubFinding, githubRule, incompleteResult, RULES, sampleResult } from './sample-result.js';

/**
 * The official OASIS schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json), kept verbatim
 * in fixtures/. It is written in draft-04, which Ajv 8 does not load; its keywords are otherwise
 * valid in draft-07, so only the draft-04 `$schema` and `id` are adapted here.
 */
function sarifSchema(): AnySchemaObject {
  const text = readFileSync(new URL('../../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8');
  const { $schema: _draft04, id, ...schema } = JSON.parse(text) as { $schema: string; id: string } & Record<string, unknown>;
  return { ...schema, $id: id };
}

/** RFC 3986 characters only: a SARIF `uri` is a URI reference, so a raw space or '\' is invalid. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/** Ajv's error text for a SARIF log: '' when it is valid. */
function sarifValidator(): (data: unknown) => string {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(sarifSchema());
  return (data) => (validate(data) ? '' : ajv.errorsText(validate.errors));
}

const sarifErrors = sarifValidator();

function parse(output: string): Sarif.Log {
  return JSON.parse(output) as Sarif.Log;
}

describe('formatSarif', () => {
  const output = formatSarif(sampleResult(), RULES);
  const log = parse(output);
  const run = log.runs[0]!;
  const rules = run.tool.driver.rules ?? [];
  const results = run.results ?? [];

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toBe('');
    expect(sarifErrors(parse(formatSarif(cleanResult(), RULES)))).toBe('');
  });

  it('is checked by a validator that does reject invalid SARIF', () => {
    const withLevel = parse(output);
    withLevel.runs[0]!.results![0]!.level = 'critical' as Sarif.Result.level;
    expect(sarifErrors(withLevel)).toMatch(/level/);
    const withRawPath = parse(output);
    withRawPath.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'my settings.env';
    expect(sarifErrors(withRawPath)).toMatch(/uri-reference/);
    const withLineZero = parse(output);
    withLineZero.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(sarifErrors(withLineZero)).toMatch(/startLine/);
  });

  it('has what GitHub code scanning requires at the top and in the driver', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('leakstop');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('never contains a raw secret', () => {
    expectNoRawSecret(output);
  });

  it('describes each rule that produced a finding, with GitHub-required texts and security metadata', () => {
    expect(rules.map((r) => r.id)).toEqual(['aws-access-key-pair', 'generic-api-key', 'github-pat-classic']);
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      expect(rule.help?.markdown).toBeTruthy();
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.properties?.tags).toEqual(expect.arrayContaining(['security', 'secret']));
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties?.['precision']);
    }
    const github = rules.find((r) => r.id === 'github-pat-classic')!;
    expect(github.shortDescription?.text).toBe('GitHub personal access token (classic)');
    expect(github.help?.text).toContain('https://github.com/settings/tokens');
    expect(github.defaultConfiguration?.level).toBe('error');
    expect(github.properties).toEqual({ tags: ['security', 'secret', 'github'], 'security-severity': '9.5', precision: 'very-high' });
    const generic = rules.find((r) => r.id === 'generic-api-key')!;
    expect(generic.defaultConfiguration?.level).toBe('note');
    expect(generic.properties?.['security-severity']).toBe('3.0');
    expect(generic.properties?.['precision']).toBe('low');
  });

  it('describes a combined rule id that is not in the rule list from its finding', () => {
    const pair = rules.find((r) => r.id === 'aws-access-key-pair')!;
    expect(pair.shortDescription?.text).toBe('AWS access key pair');
    expect(pair.help?.text).toContain('IAM console');
    expect(pair.properties?.['precision']).toBe('high');
  });

  it('points each result at its rule by id and index', () => {
    expect(results).toHaveLength(3);
    for (const result of results) expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
  });

  it('writes a result with a redacted message, a region, a fingerprint and git properties', () => {
    const aws = results.find((r) => r.ruleId === 'aws-access-key-pair')!;
    expect(aws.level).toBe('error');
    expect(aws.message.text).toBe(`AWS access key pair found: ${awsFinding.secret.redacted}. aws account id: 123456789012. Introduced in commit abc1234.`);
    expect(aws.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/my%20settings.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 23, endLine: 3, endColumn: 63 },
    });
    expect(aws.partialFingerprints).toEqual({ [SARIF_FINGERPRINT_KEY]: awsFinding.fingerprint });
    expect(aws.properties).toMatchObject({ commit: 'abc1234def5678abc1234def5678abc1234def56', author: 'Jane Doe' });

    const github = results.find((r) => r.ruleId === 'github-pat-classic')!;
    expect(github.message.text).toContain(githubFinding.secret.redacted);
    expect(github.properties).not.toHaveProperty('commit');
  });

  it('describes the source root it made URIs relative to, without the local absolute path', () => {
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: expect.stringMatching(/root of the git work tree/) as unknown } } });
    expect(output).not.toContain('file://');
    expect(output).not.toContain('/work/repo/');
  });

  it('places paths in the repository with the prefix of the scanned directory or file', () => {
    // `leakstop scan src/config.ts` from the repository root: the file's path is its name.
    const single = sampleResult({ root: '/work/repo/src/config.ts', findings: [{ ...githubFinding, path: 'config.ts' }] });
    const sarif = parse(formatSarif(single, RULES, { pathPrefix: 'src/' }));
    expect(sarifErrors(sarif)).toBe('');
    expect(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'src/config.ts', uriBaseId: '%SRCROOT%' });
    const nested = parse(formatSarif(sampleResult(), RULES, { pathPrefix: 'apps/my api/' }));
    const uris = (nested.runs[0]!.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(uris).toEqual(['apps/my%20api/a/notes.txt', 'apps/my%20api/deploy/my%20settings.env', 'apps/my%20api/src/config.ts']);
  });

  it('makes absolute paths relative to the root, and gives paths outside it an absolute file URI', () => {
    const result = sampleResult({
      findings: [
        { ...githubFinding, path: '/work/repo/src/a#b.ts' },
        { ...githubFinding, path: '../elsewhere/key.pem', line: 2 },
      ],
    });
    const sarif = parse(formatSarif(result, RULES));
    expect(sarifErrors(sarif)).toBe('');
    const uris = (sarif.runs[0]!.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation);
    expect(uris).toEqual([{ uri: 'file:///work/elsewhere/key.pem' }, { uri: 'src/a%23b.ts', uriBaseId: '%SRCROOT%' }]);
  });

  it('reports skipped files as notes of the invocation', () => {
    const notes = run.invocations?.[0]?.toolExecutionNotifications?.map((n) => n.message.text);
    expect(notes).toEqual(['Skipped 2 files: binary.', 'Skipped 1 file: too large.']);
    expect(run.invocations?.[0]?.properties).toMatchObject({ incomplete: false });
  });

  it('gives the rule the precision of its findings, not of its pattern alone', () => {
    // As in src/providers/github/rules.ts: the pattern alone is worth 'pattern'; the checksum makes the finding 'checksum'.
    const patternRule = { ...githubRule, confidence: 'pattern' as const };
    const sarif = parse(formatSarif(sampleResult({ findings: [githubFinding] }), [patternRule]));
    const rule = sarif.runs[0]!.tool.driver.rules![0]!;
    const result = sarif.runs[0]!.results![0]!;
    expect(result.properties).toMatchObject({ confidence: 'checksum', precision: 'very-high' });
    expect(rule.properties?.['precision']).toBe('very-high');
    expect(rule.fullDescription?.text).toContain('checksum');
  });

  it('gives a rule whose findings differ the precision of the weakest one', () => {
    const weaker = { ...githubFinding, confidence: 'pattern' as const, path: 'b.txt' };
    const sarif = parse(formatSarif(sampleResult({ findings: [githubFinding, weaker] }), RULES));
    const rule = sarif.runs[0]!.tool.driver.rules![0]!;
    expect(rule.properties?.['precision']).toBe('medium');
    for (const result of sarif.runs[0]!.results ?? []) {
      expect(['very-high', 'medium']).toContain(result.properties?.['precision']);
    }
  });

  it('says the run is incomplete, warns of each unread item and of a shallow history, and names the config', () => {
    const sarif = parse(formatSarif(incompleteResult(), RULES, { pathPrefix: 'app/' }));
    expect(sarifErrors(sarif)).toBe('');
    const invocation = sarif.runs[0]!.invocations![0]!;
    expect(invocation.properties).toMatchObject({ incomplete: true, shallow: true, config: ".leakstop.yml at main (the range's base)" });
    const warnings = (invocation.toolExecutionNotifications ?? []).filter((n) => n.level === 'warning');
    expect(warnings.map((n) => n.message.text)).toEqual([
      'Could not read deploy/app.env in commit fedcba9 (missing object 0123456789abcdef0123456789abcdef01234567): not scanned, so the scan is incomplete.',
      'Could not read secrets/ (EACCES): not scanned, so the scan is incomplete.',
      expect.stringMatching(/shallow clone: commits before its boundary were not scanned/) as unknown,
    ]);
    expect(warnings[1]!.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'app/secrets/', uriBaseId: '%SRCROOT%' });
  });

  it('has an empty results array and no rules for a clean scan', () => {
    const clean = parse(formatSarif(cleanResult(), RULES)).runs[0]!;
    expect(clean.results).toEqual([]);
    expect(clean.tool.driver.rules).toEqual([]);
  });
});
