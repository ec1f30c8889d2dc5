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

  it('reports a temporary pair with its session token as one finding carrying all three', () => {
    const token = `IQoJb3JpZ2luX2VjEPpqe3ZjuFhqchxv8Nt4LqTBuTsLztPn6jH0+mNjG44vgAp05HuSAn2Mvd5C5/IbUzIGwxs5bHHfeMAzzb2+XHjyMltrqRIJWQz1Io3DNIIUIeK7wTo4WRB3p1bCGljsiQ==`;
    const text = `[temp]\naws_access_key_id = ${OTHER_KEY_ID}\naws_secret_access_key = ${OTHER_SECRET}\naws_session_token = ${token}\n`;
    const findings = engine.scanText(text).findings;
    expect(findings.map((f) => [f.ruleId, f.severity, f.title, f.secret.reveal()])).toEqual([
      ['aws-access-key-pair', 'critical', 'AWS temporary credentials (key pair and session token)', OTHER_SECRET],
    ]);
    expect(findings[0]?.related?.['sessionToken']?.reveal()).toBe(token);
    expect(findings[0]?.related?.['accessKeyId']?.reveal()).toBe(OTHER_KEY_ID);
    expect(findings[0]?.details['sessionToken']).toMatch(/^IQoJb3JpZ2luX2Vj…/);
  });

  it('leaves a session token beside a long-term pair on its own', () => {
    const token = `FwoGZXIvYXdzEMxUnCB1oqXiYBuJO8NHInq8r6/VKClVkAPrsB+XwV64sz0ylk2cbuttXpvnUTAa8qTXI/6ow0odzI73tCqyV7SM5vKEq5X/u8E7muGHLVBymtslBzZJg0K/OeL10GvYfWnr0EKbzHHR+l1SaebdotcuxbFPlluzOMSvWJ2zdVuN5DUgml+dv8RRO/RrFlbqntc/2w3Srw==`;
    const text = `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}\nAWS_SESSION_TOKEN=${token}`;
    expect(scan(text).map((f) => [f.ruleId, f.severity])).toEqual([
      ['aws-access-key-pair', 'critical'],
      ['aws-session-token', 'medium'],
    ]);
  });

  it('reads the account and IAM user of a Bedrock long-term key, and the region and expiry of a short-term one', () => {
    const longTerm = `ABSK${Buffer.from('BedrockAPIKey-7o5v-at-077540655047:+o9H1p1MupSZMFCfC4sO36fDzJ3RWp0vLqrmQ/kNYH8gXs2Tbe+4vA7dlK1cF5Ua').toString('base64')}`;
    const url =
      `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${OTHER_KEY_ID}%2F20261203%2Feu-west-3%2Fbedrock%2Faws4_request` +
      `&X-Amz-Date=20261203T091500Z&X-Amz-Expires=43200&X-Amz-Security-Token=${'IQoJb3JpZ2luX2Vj'.padEnd(200, 'q')}&X-Amz-Signature=${'5'.repeat(32)}${'c'.repeat(32)}&X-Amz-SignedHeaders=host&Version=1`;
    const shortTerm = `bedrock-api-key-${Buffer.from(url).toString('base64')}`;
    expect(scan(`A=${longTerm}\nB=${shortTerm}`).map((f) => [f.ruleId, f.details])).toEqual([
      ['aws-bedrock-long-term-api-key', { keyType: 'Bedrock long-term API key', awsAccountId: '077540655047', iamUser: 'BedrockAPIKey-7o5v' }],
      ['aws-bedrock-short-term-api-key', { keyType: 'Bedrock short-term API key', region: 'eu-west-3', awsAccountId: '186663916073', expiresAt: '2026-12-03T21:15:00.000Z' }],
    ]);
  });
});
