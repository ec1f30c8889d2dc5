// Writes a rotated secret as a new version of an AWS Secrets Manager secret, through the SDK v3
// client (signed with the worker's own AWS credentials: the default provider chain, or injected).
// API: PutSecretValue (docs.aws.amazon.com/secretsmanager/latest/apireference/API_PutSecretValue.html):
//   creates a new version with SecretString and moves AWSCURRENT to it; the secret must exist.
//   Needs secretsmanager:PutSecretValue. Quota: 50 requests per second for PutSecretValue;
//   ThrottlingException and 5xx are retryable.
import { PutSecretValueCommand, SecretsManagerClient, type SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import type { Secret } from '../../detect/secret.js';
import type { Outcome } from '../../providers/contract.js';
import type { RotationSink, RotationSinkSettings } from './rotation-sink.js';

type SecretsManagerSettings = Extract<RotationSinkSettings, { kind: 'aws-secrets-manager' }>;

/** Secret names and ARNs as Secrets Manager accepts them. */
const SECRET_ID = /^[A-Za-z0-9/_+=.@:-]{1,2048}$/;
const RETRYABLE_ERRORS = new Set(['ThrottlingException', 'TooManyRequestsException', 'InternalServiceError', 'ServiceUnavailableException', 'RequestTimeout']);

export interface SecretsManagerSinkDeps {
  /** Defaults to the SDK's provider chain (environment, instance role...). Tests pass static ones. */
  credentials?: SecretsManagerClientConfig['credentials'];
  /** SDK attempts per call; the orchestration retries on top, so keep it small. */
  maxAttempts?: number;
}

export function createSecretsManagerSink(settings: SecretsManagerSettings, deps: SecretsManagerSinkDeps = {}): RotationSink {
  const client = new SecretsManagerClient({
    region: settings.region,
    maxAttempts: deps.maxAttempts ?? 2,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(deps.credentials === undefined ? {} : { credentials: deps.credentials }),
  });

  async function write(name: string, secret: Secret): Promise<Outcome<{ location: string }>> {
    if (!SECRET_ID.test(name)) return { status: 'failed', retryable: false, summary: `"${name.slice(0, 60)}" is not a valid Secrets Manager secret id` };
    try {
      const result = await client.send(new PutSecretValueCommand({ SecretId: name, SecretString: secret.reveal() }));
      const location = `AWS Secrets Manager secret ${result.Name ?? name} (${settings.region})`;
      return { status: 'done', data: { location }, summary: `wrote a new version (${result.VersionId ?? 'unknown id'}) of ${location}` };
    } catch (error) {
      return secretsManagerFailure(error, name);
    }
  }

  return { kind: 'aws-secrets-manager', write };
}

/** The SDK error's name and HTTP status only: its message can quote the request. */
function secretsManagerFailure(error: unknown, name: string): Outcome<never> {
  const code = error instanceof Error ? error.name : 'UnknownError';
  const status = typeof error === 'object' && error !== null && '$metadata' in error ? (error as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode : undefined;
  const retryable = RETRYABLE_ERRORS.has(code) || (status !== undefined && status >= 500);
  if (code === 'ResourceNotFoundException') return { status: 'failed', retryable: false, summary: `the Secrets Manager secret ${name.slice(0, 200)} does not exist: create it first, then rotate again` };
  return { status: 'failed', retryable, summary: `Secrets Manager PutSecretValue failed: ${code}${status === undefined ? '' : ` (HTTP ${status})`}` };
}
