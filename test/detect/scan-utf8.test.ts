// Engine.scanUtf8 scans a file's bytes as latin1 instead of decoding them: it must find exactly what
// scanText finds in the decoded text (same rules, secrets, lines and columns), on every rule's own
// samples, on the realistic and labelled fixtures, and around non-ASCII text of every UTF-8 length.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { createEngine, type TextScan } from '../../src/detect/engine.js';
import { allProviders } from '../../src/providers/index.js';

const engine = createEngine({ providers: allProviders });

/** Everything a finding says, with the secret in clear so that a wrongly decoded one shows. */
function comparable(scan: TextScan): unknown[] {
  return scan.findings.map((f) => ({
    ruleId: f.ruleId,
    secret: f.secret.reveal(),
    fingerprint: f.fingerprint,
    at: [f.line, f.column, f.endLine, f.endColumn],
    details: f.details,
    related: Object.fromEntries(Object.entries(f.related ?? {}).map(([name, secret]) => [name, secret.reveal()])),
    confidence: f.confidence,
  }));
}

function expectSameFindings(text: string, label: string): void {
  const fromText = engine.scanText(text);
  const fromBytes = engine.scanUtf8(Buffer.from(text, 'utf8'));
  expect(comparable(fromBytes), label).toEqual(comparable(fromText));
  expect(fromBytes.allowedInline, label).toBe(fromText.allowedInline);
}

/** Non-ASCII of each UTF-8 length (2, 3 and 4 bytes, the last a surrogate pair in the string). */
const AROUND = ['café ', 'naïve à la carte ', '日本語の設定 ', '🔑🚀 ', 'ü\u00a0\u2028 '];

const samples = allProviders.flatMap((p) => p.rules.flatMap((rule) => [...rule.samples.positive, ...rule.samples.negative].map((sample) => ({ id: rule.id, sample }))));

describe('Engine.scanUtf8 against scanText', () => {
  it('agrees on every rule sample, alone and after non-ASCII text on its line and the lines before', () => {
    let positives = 0;
    for (const { id, sample } of samples) {
      expectSameFindings(sample, id);
      for (const prefix of AROUND) {
        expectSameFindings(`${prefix}${sample}`, `${id} after '${prefix}'`);
        expectSameFindings(`# ${prefix}\n${prefix}${prefix}${sample} ${prefix}\n`, `${id} among '${prefix}'`);
      }
      positives += engine.scanText(`🔑 ${sample}`).findings.length;
    }
    // The comparison means something only if the samples are found after non-ASCII text too.
    expect(positives).toBeGreaterThan(150);
  });

  it('agrees where a file is large beside its keywords, so that only their windows are read', () => {
    // Under ~512 bytes per keyword a file is read whole; these are read window by window.
    const filler = (prefix: string): string => `${prefix}${'// lorem ipsum dolor sit amet, 日本 café\n'.repeat(80)}`;
    for (const { id, sample } of samples) {
      expectSameFindings(`${filler('')}${sample}\n${filler('')}`, `${id} between filler`);
      expectSameFindings(`${filler('')}🔑 ${sample} ${filler('é')}`, `${id} after non-ASCII filler`);
    }
  });

  it('agrees on the realistic and labelled fixture files', () => {
    const dirs = ['../../fixtures/realistic', '../../fixtures/labelled/files'].map((d) => resolve(import.meta.dirname, d));
    let files = 0;
    for (const dir of dirs) {
      for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile()) continue;
        const bytes = readFileSync(resolve(entry.parentPath, entry.name));
        expect(comparable(engine.scanUtf8(bytes)), entry.name).toEqual(comparable(engine.scanText(bytes.toString('utf8'))));
        files++;
      }
    }
    expect(files).toBeGreaterThan(20);
  });

  it('keeps a database password with accented letters whole, even one whose UTF-8 holds byte 0xA0', () => {
    const text = 'DATABASE_URL=postgres://app:Pàsswörd-Été-9xQ2vLr7@db.internal.acme-corp.net:5432/app';
    const [finding] = engine.scanUtf8(Buffer.from(text, 'utf8')).findings;
    expect(finding?.secret.reveal()).toBe('Pàsswörd-Été-9xQ2vLr7');
    expect([finding?.column, finding?.endColumn]).toEqual([text.indexOf('Pàss') + 1, text.indexOf('@db') + 1]);
    expectSameFindings(text, 'accented password');
  });

  it('wraps what it finds in bytes like any finding: no form of the finding shows the secret', () => {
    const token = generateGithubStyleToken('ghp_');
    const password = 'Pàsswörd-Été-9xQ2vLr7';
    const text = `// 🔑 café\nconst token = "${token}";\nDATABASE_URL=postgres://app:${password}@db.internal.acme-corp.net/app\n`;
    const { findings } = engine.scanUtf8(Buffer.from(text, 'utf8'));
    expect(findings.map((f) => f.secret.reveal()).sort()).toEqual([password, token].sort());
    const shown = [JSON.stringify(findings), String(findings.map((f) => f.secret)), inspect(findings, { depth: 5 })].join('\n');
    for (const secret of [token, password]) expect(shown).not.toContain(secret);
  });

  it('counts columns in characters after multi-byte text, as editors and GitHub annotations do', () => {
    const text = '// 設定 🔑\nconst a = "日本"; const token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";';
    expectSameFindings(text, 'columns');
  });

  it('finds nothing in bytes without a keyword, and in an empty file', () => {
    expect(engine.scanUtf8(Buffer.from('plain text, no credentials', 'utf8')).findings).toEqual([]);
    expect(engine.scanUtf8(new Uint8Array(0))).toEqual({ findings: [], allowedInline: 0 });
  });

  it('reads bytes that start at an odd offset of their buffer the same as aligned ones', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/realistic/.env.production'), 'utf8');
    const padded = Buffer.concat([Buffer.from('x'), Buffer.from(text, 'utf8')]);
    expect(padded.subarray(1).byteOffset % 2).toBe(1);
    const found = comparable(engine.scanUtf8(padded.subarray(1)));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(comparable(engine.scanText(text)));
  });
});
