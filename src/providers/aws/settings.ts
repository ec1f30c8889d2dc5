// The operator's AWS settings (environment only, never a repository's): per account, how leakstop
// acts there (a role to assume, or an access key from named variables or a file), which regions'
// CloudTrail to search, endpoints for proxies and tests, the quarantine policy and SDK retries.
import { z } from 'zod';
import { ProblemsError } from '../../problems-error.js';

/** AWS's own quarantine policies for exposed keys, newest first (see aws-adapter.ts). */
export const QUARANTINE_POLICY_ARNS = [
  'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV4',
  'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3',
  'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2',
] as const;

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, { error: 'must name an environment variable' });

/** How leakstop acts in one account: assume a role there, or use an access key kept in env or a file. */
const operatorSchema = z.union([
  z.strictObject({
    roleArn: z.string().regex(/^arn:aws[a-z-]{0,20}:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/, { error: 'must be an IAM role ARN' }),
    externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/).optional(),
  }),
  z.strictObject({ accessKeyIdEnv: envName, secretAccessKeyEnv: envName }),
  z.strictObject({ credentialsFile: z.string().min(1) }),
]);
export type AwsOperator = z.infer<typeof operatorSchema>;

const regionSchema = z.string().regex(/^[a-z]{2}(?:-[a-z]{2,10}){1,2}-[0-9]$/, { error: 'must be an AWS region such as eu-west-1' });
const endpointSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const awsEnvSchema = z.object({
  /** JSON: { "123456789012": { "roleArn": "arn:aws:iam::123456789012:role/leakstop-responder" }, ... } */
  LEAKSTOP_AWS_OPERATORS: z.record(z.string().regex(/^[0-9]{12}$/, { error: 'keys must be 12-digit account ids' }), operatorSchema).default({}),
  /** Comma-separated regions whose CloudTrail is searched. */
  LEAKSTOP_AWS_REGIONS: z.array(regionSchema).min(1).default(['us-east-1']),
  LEAKSTOP_AWS_STS_URL: endpointSchema.optional(),
  LEAKSTOP_AWS_IAM_URL: endpointSchema.optional(),
  /** May contain {region}: https://cloudtrail.{region}.example.internal */
  LEAKSTOP_AWS_CLOUDTRAIL_URL: z.string().regex(/^https?:\/\/[^\s]{1,500}$/, { error: 'must be an http(s) URL, optionally with {region}' }).optional(),
  LEAKSTOP_AWS_QUARANTINE_POLICY_ARN: z.string().regex(/^arn:aws[a-z-]{0,20}:iam::(?:aws|[0-9]{12}):policy\/[\w+=,.@/-]{1,512}$/).optional(),
  LEAKSTOP_AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
});

export interface AwsSettings {
  operators: Record<string, AwsOperator>;
  regions: string[];
  endpoints: { sts?: string; iam?: string; cloudtrail?: string };
  quarantinePolicyArns: readonly string[];
  maxAttempts: number;
}

export class AwsSettingsError extends ProblemsError {
  override name = 'AwsSettingsError';

  constructor(problems: string[]) {
    super(problems, 'the AWS leak-response settings are not valid');
  }
}

/** Reads LEAKSTOP_AWS_* from the environment; throws AwsSettingsError naming every bad variable. */
export function parseAwsSettings(env: NodeJS.ProcessEnv): AwsSettings {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(awsEnvSchema.shape)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (name === 'LEAKSTOP_AWS_OPERATORS') {
      try {
        raw[name] = JSON.parse(value) as unknown;
      } catch {
        problems.push(`${name} is not JSON: set it to e.g. {"123456789012":{"roleArn":"arn:aws:iam::123456789012:role/leakstop"}}`);
      }
    } else raw[name] = name === 'LEAKSTOP_AWS_REGIONS' ? value.split(',').map((r) => r.trim()).filter((r) => r !== '') : value;
  }
  const parsed = awsEnvSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  if (!parsed.success || problems.length > 0) throw new AwsSettingsError(problems);
  const v = parsed.data;
  const endpoints: AwsSettings['endpoints'] = {};
  if (v.LEAKSTOP_AWS_STS_URL !== undefined) endpoints.sts = v.LEAKSTOP_AWS_STS_URL;
  if (v.LEAKSTOP_AWS_IAM_URL !== undefined) endpoints.iam = v.LEAKSTOP_AWS_IAM_URL;
  if (v.LEAKSTOP_AWS_CLOUDTRAIL_URL !== undefined) endpoints.cloudtrail = v.LEAKSTOP_AWS_CLOUDTRAIL_URL;
  return {
    operators: v.LEAKSTOP_AWS_OPERATORS,
    regions: v.LEAKSTOP_AWS_REGIONS,
    endpoints,
    quarantinePolicyArns: v.LEAKSTOP_AWS_QUARANTINE_POLICY_ARN === undefined ? QUARANTINE_POLICY_ARNS : [v.LEAKSTOP_AWS_QUARANTINE_POLICY_ARN],
    maxAttempts: v.LEAKSTOP_AWS_MAX_ATTEMPTS,
  };
}
