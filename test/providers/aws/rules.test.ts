// AWS pairing: what the sample harness cannot see, the combined finding's id, severity and details.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { aws } from '../../../src/providers/aws/rules.js';

const engine = createEngine({ providers: [aws] });

const KEY_ID = 'AKIAWSBFTYUSTCVLRBTU';
const ACCOUNT_ID = '451050456357';
const SECRET = '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';
const OTHER_KEY_ID = 'ASIASW5QJKIU5FKBSL6G';
const OTHER_SECRET = '3Zs+eX0V5mJCak1cM7QOL9B0EGkW6rlxE4IDNqZp';

function scan(text: string) {
  return engine.scanText(text).findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.line,
    secret: f.secret.reveal(),
    details: f.details,
  }));
}

describe('aws provider', () => {
  it('reports a key ID and its secret a line apart as one critical pair, pointing at the secret', () => {
    expect(scan(`AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\n`)).toEqual([
      {
        ruleId: 'aws-access-key-pair',
        severity: 'critical',
        line: 2,
        secret: SECRET,
        details: { keyType: 'long-term access key', awsAccountId: ACCOUNT_ID, accessKeyId: `AKIA…${KEY_ID.slice(-4)} (20 chars)` },
      },
    ]);
  });

  it('pairs a secret that comes before its key ID', () => {
    const found = scan(`aws_secret_access_key = ${SECRET}\naws_access_key_id = ${KEY_ID}`);
    expect(found.map((f) => f.ruleId)).toEqual(['aws-access-key-pair']);
  });

  it('reports a key ID alone as medium, with the account it belongs to', () => {
    expect(scan(`AWS_ACCESS_KEY_ID=${KEY_ID}`)).toEqual([
      { ruleId: 'aws-access-key-id', severity: 'medium', line: 1, secret: KEY_ID, details: { keyType: 'long-term access key', awsAccountId: ACCOUNT_ID } },
    ]);
  });

  it('gives no account for key IDs issued before the account was encoded', () => {
    const [finding] = scan('AWS_ACCESS_KEY_ID=AKIAJ3ZQKBOKMUTVV7AB');
    expect(finding?.details).toEqual({ keyType: 'long-term access key' });
  });

  it('reports a secret alone as high', () => {
    expect(scan(`AWS_SECRET_ACCESS_KEY=${SECRET}`).map((f) => [f.ruleId, f.severity])).toEqual([['aws-secret-access-key', 'high']]);
  });

  it('does not pair a key ID and a secret more than five lines apart', () => {
    const text = `AWS_ACCESS_KEY_ID=${KEY_ID}\n\n\n\n\n\n\nAWS_SECRET_ACCESS_KEY=${SECRET}`;
    expect(scan(text).map((f) => f.ruleId)).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
  });

  it('pairs each key ID with its nearest secret when a file holds two profiles', () => {
    const text = [
      '[default]',
      `aws_access_key_id = ${KEY_ID}`,
      `aws_secret_access_key = ${SECRET}`,
      '[ci]',
      `aws_access_key_id = ${OTHER_KEY_ID}`,
      `aws_secret_access_key = ${OTHER_SECRET}`,
    ].join('\n');
    expect(scan(text).map((f) => [f.ruleId, f.secret, f.details['accessKeyId']])).toEqual([
      ['aws-access-key-pair', SECRET, `AKIA…${KEY_ID.slice(-4)} (20 chars)`],
      ['aws-access-key-pair', OTHER_SECRET, `${OTHER_KEY_ID.slice(0, 4)}…${OTHER_KEY_ID.slice(-4)} (20 chars)`],
    ]);
  });

  it('leaves an extra secret unpaired', () => {
    const text = `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nBACKUP_AWS_SECRET_ACCESS_KEY=${OTHER_SECRET}`;
    expect(scan(text).map((f) => f.ruleId)).toEqual(['aws-access-key-pair', 'aws-secret-access-key']);
  });
});
