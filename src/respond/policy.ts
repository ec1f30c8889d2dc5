// What the response may do for one credential: the repository's `response` settings with their
// per-provider overrides applied, and the operator's switches, which no repository can lift.
import { z } from 'zod';
import { REVOKE_MODES, ROTATE_MODES, type ResponseSettings } from '../config/repo-config.schema.js';

/** Resolved when the scan finds the credential and carried in its response jobs. */
export const responsePolicySchema = z.strictObject({
  revoke: z.enum(REVOKE_MODES),
  rotate: z.enum(ROTATE_MODES),
  dryRun: z.boolean(),
  /** The config keys that decided revoke and rotate, so the timeline can say what to change. */
  revokeSetting: z.string().max(100),
  rotateSetting: z.string().max(100),
});

export type ResponsePolicy = z.infer<typeof responsePolicySchema>;

export interface OperatorResponseSettings {
  /** LEAKSTOP_RESPONSE=off: nothing is verified or revoked, in any repository. */
  enabled: boolean;
  /** LEAKSTOP_RESPONSE_DRY_RUN=true: every repository runs in dry-run, whatever its config says. */
  dryRun: boolean;
}

export function policyFor(provider: string, settings: ResponseSettings, operator: Pick<OperatorResponseSettings, 'dryRun'>): ResponsePolicy {
  const override = settings.providers[provider];
  return {
    revoke: override?.revoke ?? settings.revoke,
    rotate: override?.rotate ?? settings.rotate,
    dryRun: operator.dryRun || settings.dryRun,
    revokeSetting: override?.revoke === undefined ? 'response.revoke' : `response.providers.${provider}.revoke`,
    rotateSetting: override?.rotate === undefined ? 'response.rotate' : `response.providers.${provider}.rotate`,
  };
}

/** The policy of an approved revocation: someone with write access asked for it, so revoke now. */
export function approvedPolicy(policy: ResponsePolicy): ResponsePolicy {
  return { ...policy, revoke: 'auto' };
}
