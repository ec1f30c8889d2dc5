// The repository's own settings, `.leakstop.yml` (CLI) or `.github/leakstop.yml` (the app). It can
// choose what to scan and which rules run; it can never name a credential or an endpoint.
import { z } from 'zod';
import { sameLogin } from '../github/client.js';
import { allProviders } from '../providers/index.js';

import { DEFAULT_MAX_FILE_BYTES, MAX_SCANNABLE_FILE_BYTES } from './config-file.js';
import { nearestName } from './nearest-name.js';
import { customRulesSchema } from './custom-rules.schema.js';
import { KEY_MATERIAL_RULES } from '../detect/key-material.js';

export { DEFAULT_MAX_FILE_BYTES };

/** GitHub's own rules: a login is 1-39 alphanumerics or single hyphens; a repository name 1-100 of [A-Za-z0-9._-]. */
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;

/** Where incident issues go and who gets them (the GitHub App only; the CLI ignores it). */
export const incidentSettingsSchema = z.strictObject({
  /**
   * `owner/name` of a central security repository for incident issues; the scanned repository itself
   * when unset. It must belong to the scanned repository's owner (see repoConfigSchemaForOwner).
   */
  repository: z.string().regex(GITHUB_REPOSITORY, "must be 'owner/name'").optional(),
  /** GitHub logins assigned to every incident issue (GitHub allows at most 10 per issue). */
  assignees: z.array(z.string().regex(GITHUB_LOGIN, 'must be a GitHub login')).max(10).default([]),
  /** Labels added to every incident issue besides leakstop's own (GitHub caps a label name at 50 characters). */
  labels: z.array(z.string().trim().min(1).max(50)).default([]),
});

export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

/**
 * What leakstop does about a leaked credential it verified live (the GitHub App only): `auto` revokes it
 * at once, `approve` waits for someone with write access to press "Revoke now" on the check run or to
 * comment `/leakstop revoke` on the incident issue, `off` only reports.
 */
export const REVOKE_MODES = ['auto', 'approve', 'off'] as const;
export type RevokeMode = (typeof REVOKE_MODES)[number];
/** `auto` issues a replacement after revoking, where the provider and the operator's rotation sink allow. */
export const ROTATE_MODES = ['auto', 'off'] as const;
export type RotateMode = (typeof ROTATE_MODES)[number];

const PROVIDER_IDS = allProviders.map((provider) => provider.id);

/** Rules found by file structure rather than by pattern (key material in binary files): disabled like any other. */
const BINARY_RULE_IDS = Object.values(KEY_MATERIAL_RULES).map((rule) => rule.id);
const BUILT_IN_RULE_IDS = [...allProviders.flatMap((provider) => provider.rules.map((rule) => rule.id)), ...BINARY_RULE_IDS];

/**
 * `rules.disable` names rules that exist: built-in ones and the repository's own custom rules. A
 * misspelt id would leave the rule on without a word; an operator's rule (organisation-wide) is not
 * the repository's to turn off.
 */
function disableProblems(disable: readonly string[], custom: readonly { id?: unknown }[], operatorRuleIds: ReadonlySet<string>): { index: number; message: string }[] {
  const own = custom.flatMap((rule) => (typeof rule.id === 'string' ? [rule.id] : []));
  const known = new Set([...BUILT_IN_RULE_IDS, ...own]);
  return disable.flatMap((id, index) => {
    if (known.has(id)) return [];
    if (operatorRuleIds.has(id)) {
      return [{ index, message: `'${id}' is an organisation-wide custom rule set by the operator (LEAKSTOP_CUSTOM_RULES), which a repository cannot disable: ask the operator to change it, or accept a finding with a \`leakstop:allow\` comment or a baseline` }];
    }
    const near = nearestName(id, [...known]);
    return [{ index, message: `unknown rule '${id}'${near === undefined ? '' : ` (did you mean '${near}'?)`}: \`leakstop rules\` lists the rule ids, and a custom rule must be defined under rules.custom` }];
  });
}

const revokeMode = z.enum(REVOKE_MODES, { error: `must be one of ${REVOKE_MODES.join(', ')}` });
const rotateMode = z.enum(ROTATE_MODES, { error: `must be one of ${ROTATE_MODES.join(', ')}` });

/**
 * The response policy. A repository chooses what happens, never where a secret goes: credentials,
 * endpoints and the rotation sink are the operator's (environment) settings.
 */
export const responseSettingsSchema = z.strictObject({
  revoke: revokeMode.default('auto'),
  rotate: rotateMode.default('auto'),
  /** Verify and assess impact, but only record what revoking and rotating would have done. */
  dryRun: z.boolean().default(false),
  /** Overrides per provider id (`leakstop rules` lists them), e.g. `aws: { revoke: approve }`. */
  providers: z
    .record(
      z.string().refine((id) => PROVIDER_IDS.includes(id)),
      z.strictObject({ revoke: revokeMode.optional(), rotate: rotateMode.optional() }),
      // A record reports a bad key as its own `invalid_key` issue ("Invalid key in record"), hiding the
      // key schema's message, so the message that names the provider belongs here.
      { error: (issue) => (issue.code === 'invalid_key' ? `unknown provider '${String(issue.input)}': use one of ${PROVIDER_IDS.join(', ')}` : undefined) },
    )
    .default({}),
});

export type ResponseSettings = z.infer<typeof responseSettingsSchema>;

/** The `rules` section: rules turned off, and the repository's own. */
function rulesSchema(operatorRuleIds: ReadonlySet<string>) {
  return z
    .strictObject({
      /**
       * Rule ids to turn off (see `leakstop rules`): built-in ones, binary ones included, and the
       * repository's own custom rules. A rule turned off reports nothing, and what it matches is
       * still no generic secret: the same token does not come back as `generic-secret`.
       */
      disable: z.array(z.string().min(1)).default([]),
      /**
       * Rules of the repository's own, run on RE2 (linear time) beside the built-in ones; each
       * must pass its samples (see custom-rules.schema.ts and the README, "Custom rules").
       */
      custom: customRulesSchema.default([]),
    })
    .superRefine((rules, ctx) => {
      for (const problem of disableProblems(rules.disable, rules.custom, operatorRuleIds)) ctx.addIssue({ code: 'custom', path: ['disable', problem.index], message: problem.message });
    });
}

/**
 * The config schema, knowing the ids of the operator's custom rules (LEAKSTOP_CUSTOM_RULES), so that
 * `rules.disable` naming one says it cannot, rather than that the rule is unknown.
 */
export function repoConfigSchemaWith(operatorRuleIds: ReadonlySet<string>) {
  return z.strictObject({
    paths: z
      .strictObject({
        /** Globs (picomatch, relative to the repository root) of files never scanned. */
        ignore: z.array(z.string().min(1)).default([]),
      })
      .default({ ignore: [] }),
    rules: rulesSchema(operatorRuleIds).default({ disable: [], custom: [] }),
    scan: z
      .strictObject({
        /** Files larger than this are skipped and reported as skipped. */
        maxFileBytes: z.number().int().positive().max(MAX_SCANNABLE_FILE_BYTES).default(DEFAULT_MAX_FILE_BYTES),
      })
      .default({ maxFileBytes: DEFAULT_MAX_FILE_BYTES }),
    incidents: incidentSettingsSchema.default({ assignees: [], labels: [] }),
    response: responseSettingsSchema.default({ revoke: 'auto', rotate: 'auto', dryRun: false, providers: {} }),
  });
}

export const repoConfigSchema = repoConfigSchemaWith(new Set());

export type RepoConfig = z.infer<typeof repoConfigSchema>;

/**
 * The config schema as the app applies it to a repository of `owner`: an installation token only
 * reaches that owner's repositories, and incidents must not be filed where the owner cannot see
 * them, so `incidents.repository` naming another owner is a config error (reported like any other).
 */
export function repoConfigSchemaForOwner(owner: string) {
  return repoConfigSchema.superRefine((config, ctx) => {
    const central = config.incidents.repository;
    if (central === undefined || sameLogin(central.split('/')[0] ?? '', owner)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['incidents', 'repository'],
      message: `must be a repository of ${owner} (the owner of the scanned repository), not ${central}`,
    });
  });
}

