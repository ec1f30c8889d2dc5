// Alibaba Cloud pairing: what the sample harness cannot see, the combined finding's id, severity,
// details and the raw ID it carries for a response.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { alibaba } from '../../../src/providers/alibaba/rules.js';

const engine = createEngine({ providers: [alibaba] });

const KEY_ID = 'LTAIJEY5p2BVxFD7RODSONHD';
const SECRET = '8a5kxkeCXhHBauCDtUDzioAjYAGfvX';
const OTHER_KEY_ID = 'LTAI0rWu5J11oWWx6u3gDyN7';
const OTHER_SECRET = 'c6Kbk6s91tHrRWmj1q4hIc77Pt3YFL';

function scan(text: string) {
  return engine.scanText(text).findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, secret: f.secret.reveal(), details: f.details }));
}

describe('alibaba provider', () => {
  it('reports an AccessKey ID and its secret a line apart as one critical pair, pointing at the secret', () => {
    expect(scan(`ALIBABA_CLOUD_ACCESS_KEY_ID=${KEY_ID}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}\n`)).toEqual([
      { ruleId: 'alibaba-access-key-pair', severity: 'critical', line: 2, secret: SECRET, details: { accessKeyId: `LTAI…${KEY_ID.slice(-4)} (24 chars)` } },
    ]);
  });

  it('carries the raw ID, wrapped, for the response', () => {
    const [finding] = engine.scanText(`{"AccessKeyId": "${KEY_ID}", "AccessKeySecret": "${SECRET}"}`).findings;
    expect(finding?.related?.['accessKeyId']?.reveal()).toBe(KEY_ID);
  });

  it('reports an AccessKey ID alone as medium', () => {
    expect(scan(`ALIBABA_CLOUD_ACCESS_KEY_ID=${KEY_ID}`)).toEqual([{ ruleId: 'alibaba-access-key-id', severity: 'medium', line: 1, secret: KEY_ID, details: {} }]);
  });

  it('pairs two keys each with its own secret', () => {
    const found = scan(`id=${KEY_ID}\naccess_key_secret=${SECRET}\n\nid=${OTHER_KEY_ID}\naccess_key_secret=${OTHER_SECRET}`);
    expect(found.map((f) => [f.ruleId, f.secret])).toEqual([
      ['alibaba-access-key-pair', SECRET],
      ['alibaba-access-key-pair', OTHER_SECRET],
    ]);
  });

  it('leaves an ID and a secret far apart unpaired', () => {
    const found = scan(`ALIBABA_CLOUD_ACCESS_KEY_ID=${KEY_ID}\n${'# padding line\n'.repeat(60)}ALIBABA_CLOUD_ACCESS_KEY_SECRET=${SECRET}`);
    expect(found.map((f) => f.ruleId)).toEqual(['alibaba-access-key-id', 'alibaba-access-key-secret']);
  });
});
