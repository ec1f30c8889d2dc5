// Where a rotated secret is written for the programs that use it, as the operator chose: a GitHub
// Actions secret, a Vault KV v2 path or an AWS Secrets Manager secret. The operator's choice and
// credentials come from the environment only (LEAKSTOP_ROTATION_SINK), never from a repository, so
// no repository can send a new secret to a place of its choosing.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { Outcome } from '../../providers/contract.js';
import { ProblemsError } from '../../problems-error.js';

export interface RotationSink {
  /** 'github-actions', 'vault-kv2' or 'aws-secrets-manager'. */
  readonly kind: string;
  /**
   * Writes `secret` under `name` (a secret name, a KV path or a secret id, per sink). The secret is
   * revealed only into the request to the sink's own endpoint; `location` names where it went,
   * never what it is.
   */
  write(name: string, secret: Secret): Promise<Outcome<{ location: string }>>;
}

/** An operator credential: the name of an environment variable holding it, or a file containing it. */
export const operatorSecretSourceSchema = z.union([
  z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, { error: 'must name an environment variable, e.g. VAULT_TOKEN' }) }),
  z.object({ file: z.string().min(1) }),
]);
export type OperatorSecretSource = z.infer<typeof operatorSecretSourceSchema>;

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const githubActionsSinkSchema = z.object({
  kind: z.literal('github-actions'),
  apiBaseUrl: httpsUrl.default('https://api.github.com'),
  token: operatorSecretSourceSchema,
  repository: z.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, { error: 'must be owner/repo' }).optional(),
  organization: z.string().regex(/^[A-Za-z0-9-]{1,39}$/, { error: 'must be an organization login' }).optional(),
  visibility: z.enum(['all', 'private', 'selected']).default('private'),
  selectedRepositoryIds: z.array(z.number().int().positive()).optional(),
});

export const vaultKv2SinkSchema = z.object({
  kind: z.literal('vault-kv2'),
  address: httpsUrl,
  token: operatorSecretSourceSchema,
  /** The KV v2 mount, e.g. 'secret'. */
  mount: z.string().regex(/^[A-Za-z0-9_.-]{1,100}(?:\/[A-Za-z0-9_.-]{1,100}){0,8}$/),
  /** Prepended to the name passed to write(), e.g. 'ci/leakstop'. */
  pathPrefix: z.string().regex(/^[A-Za-z0-9_.-]{1,100}(?:\/[A-Za-z0-9_.-]{1,100}){0,8}$/).optional(),
  /** The key inside the secret's data map that consumers read. */
  field: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).default('value'),
  namespace: z.string().regex(/^[A-Za-z0-9_./-]{1,200}$/).optional(),
});

export const awsSecretsManagerSinkSchema = z.object({
  kind: z.literal('aws-secrets-manager'),
  region: z.string().regex(/^[a-z]{2}(?:-[a-z]{2,10}){1,2}-[0-9]$/, { error: 'must be an AWS region such as eu-west-1' }),
  /** For tests and VPC endpoints; the SDK's regional endpoint otherwise. */
  endpoint: httpsUrl.optional(),
});

export const rotationSinkSettingsSchema = z
  .discriminatedUnion('kind', [githubActionsSinkSchema, vaultKv2SinkSchema, awsSecretsManagerSinkSchema])
  .refine((s) => s.kind !== 'github-actions' || (s.repository === undefined) !== (s.organization === undefined), {
    error: 'a github-actions sink needs exactly one of repository or organization',
  });
export type RotationSinkSettings = z.infer<typeof rotationSinkSettingsSchema>;

export class RotationSinkSettingsError extends ProblemsError {
  override name = 'RotationSinkSettingsError';

  constructor(problems: string[]) {
    super(problems, 'LEAKSTOP_ROTATION_SINK is not a valid rotation sink');
  }
}

/** The operator's sink from LEAKSTOP_ROTATION_SINK (JSON), or undefined when rotation writes nowhere. */
export function parseRotationSinkSettings(env: NodeJS.ProcessEnv): RotationSinkSettings | undefined {
  const raw = env['LEAKSTOP_ROTATION_SINK'];
  if (raw === undefined || raw.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RotationSinkSettingsError(['is not JSON: set it to e.g. {"kind":"vault-kv2","address":"https://vault:8200","token":{"env":"VAULT_TOKEN"},"mount":"secret"}']);
  }
  const parsed = rotationSinkSettingsSchema.safeParse(json);
  if (!parsed.success) throw new RotationSinkSettingsError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`));
  return parsed.data;
}

/** Reads an operator credential at the moment it is needed, so a rotated operator token is picked up without a restart. */
export function readOperatorSecret(source: OperatorSecretSource, env: NodeJS.ProcessEnv): string | undefined {
  if ('env' in source) {
    const value = env[source.env];
    return value === undefined || value === '' ? undefined : value;
  }
  try {
    const value = readFileSync(source.file, 'utf8').trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Says where the credential should be, for a summary: the variable or file name, never its value. */
export function describeSecretSource(source: OperatorSecretSource): string {
  return 'env' in source ? `the environment variable ${source.env}` : `the file ${source.file}`;
}
