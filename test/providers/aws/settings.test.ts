// The operator's AWS settings, read from the environment only (src/providers/aws/settings.ts).
import { describe, expect, it } from 'vitest';
import { AwsSettingsError, parseAwsSettings } from '../../../src/providers/aws/settings.js';

/** An account id as AWS issues them: 12 digits. */
const ACCOUNT = '123456789012';

describe('parseAwsSettings', () => {
  it('reads operators, regions and endpoints from the environment', () => {
    const parsed = parseAwsSettings({
      LEAKSTOP_AWS_OPERATORS: JSON.stringify({ [ACCOUNT]: { roleArn: `arn:aws:iam::${ACCOUNT}:role/leakstop` }, '210987654321': { credentialsFile: '/run/secrets/aws.json' } }),
      LEAKSTOP_AWS_REGIONS: 'us-east-1, eu-west-1',
      LEAKSTOP_AWS_CLOUDTRAIL_URL: 'https://cloudtrail.{region}.internal',
    });
    expect(parsed.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(Object.keys(parsed.operators)).toEqual([ACCOUNT, '210987654321']);
    expect(parsed.endpoints).toEqual({ cloudtrail: 'https://cloudtrail.{region}.internal' });
    expect(parsed.quarantinePolicyArns[0]).toBe('arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV4');
    expect(parsed.maxAttempts).toBe(3);
  });

  it('names every bad variable', () => {
    const attempt = () => parseAwsSettings({ LEAKSTOP_AWS_OPERATORS: '{"12345":{"roleArn":"nope"}}', LEAKSTOP_AWS_REGIONS: 'moon-1' });
    expect(attempt).toThrow(AwsSettingsError);
    expect(attempt).toThrow(/LEAKSTOP_AWS_OPERATORS/);
    expect(attempt).toThrow(/LEAKSTOP_AWS_REGIONS/);
  });

  it('rejects operator entries that are not JSON', () => {
    expect(() => parseAwsSettings({ LEAKSTOP_AWS_OPERATORS: 'role=x' })).toThrow(/is not JSON/);
  });
});
