// The response policy for one credential: the repository's settings, its per-provider overrides and
// the operator's dry-run switch, with the config key that decided each answer.
import { describe, expect, it } from 'vitest';
import { responseSettingsSchema } from '../../src/config/repo-config.schema.js';
import { approvedPolicy, policyFor, responsePolicySchema } from '../../src/respond/policy.js';

const LIVE = { dryRun: false };

describe('policyFor', () => {
  it('revokes and rotates by default, for real, decided by the top-level keys', () => {
    expect(policyFor('aws', responseSettingsSchema.parse({}), LIVE)).toEqual({
      revoke: 'auto',
      rotate: 'auto',
      dryRun: false,
      revokeSetting: 'response.revoke',
      rotateSetting: 'response.rotate',
    });
  });

  it("follows the repository's top-level revoke and rotate", () => {
    const policy = policyFor('github', responseSettingsSchema.parse({ revoke: 'approve', rotate: 'off' }), LIVE);
    expect(policy).toMatchObject({ revoke: 'approve', rotate: 'off', revokeSetting: 'response.revoke', rotateSetting: 'response.rotate' });
  });

  it("applies a provider's overrides to that provider only, naming the key that decided", () => {
    const settings = responseSettingsSchema.parse({ revoke: 'auto', rotate: 'auto', providers: { aws: { revoke: 'approve', rotate: 'off' }, slack: { revoke: 'off' } } });
    expect(policyFor('aws', settings, LIVE)).toMatchObject({
      revoke: 'approve',
      rotate: 'off',
      revokeSetting: 'response.providers.aws.revoke',
      rotateSetting: 'response.providers.aws.rotate',
    });
    // Only revoke overridden: rotate still comes from the top level.
    expect(policyFor('slack', settings, LIVE)).toMatchObject({
      revoke: 'off',
      rotate: 'auto',
      revokeSetting: 'response.providers.slack.revoke',
      rotateSetting: 'response.rotate',
    });
    expect(policyFor('github', settings, LIVE)).toMatchObject({ revoke: 'auto', rotate: 'auto', revokeSetting: 'response.revoke', rotateSetting: 'response.rotate' });
  });

  it('lets an override turn a provider back on where the top level is off', () => {
    const settings = responseSettingsSchema.parse({ revoke: 'off', rotate: 'off', providers: { gitlab: { revoke: 'auto', rotate: 'auto' } } });
    expect(policyFor('gitlab', settings, LIVE)).toMatchObject({ revoke: 'auto', rotate: 'auto' });
    expect(policyFor('npm', settings, LIVE)).toMatchObject({ revoke: 'off', rotate: 'off' });
  });

  it("runs dry when the repository asks, and always when the operator does, whatever the repository's config", () => {
    expect(policyFor('aws', responseSettingsSchema.parse({ dryRun: true }), LIVE).dryRun).toBe(true);
    expect(policyFor('aws', responseSettingsSchema.parse({ dryRun: false }), { dryRun: true }).dryRun).toBe(true);
    expect(policyFor('aws', responseSettingsSchema.parse({ dryRun: true }), { dryRun: true }).dryRun).toBe(true);
    // The operator's dry run changes nothing else: the timeline still says what would have happened.
    expect(policyFor('aws', responseSettingsSchema.parse({ revoke: 'approve' }), { dryRun: true })).toMatchObject({ revoke: 'approve', rotate: 'auto' });
  });

  it('makes a policy its job schema accepts', () => {
    const settings = responseSettingsSchema.parse({ providers: { 'private-key': { revoke: 'off' } } });
    expect(responsePolicySchema.parse(policyFor('private-key', settings, LIVE))).toMatchObject({ revokeSetting: 'response.providers.private-key.revoke' });
  });
});

describe('approvedPolicy', () => {
  it('revokes now once someone approved, keeping rotate, dry run and the settings that decided', () => {
    const awaiting = policyFor('aws', responseSettingsSchema.parse({ revoke: 'approve', rotate: 'off', dryRun: true }), LIVE);
    expect(approvedPolicy(awaiting)).toEqual({ ...awaiting, revoke: 'auto' });
    expect(awaiting.revoke).toBe('approve');
  });
});
