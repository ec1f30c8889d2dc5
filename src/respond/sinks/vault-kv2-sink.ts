// Writes a rotated secret as a new version of a HashiCorp Vault KV v2 secret.
// Endpoint (developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2, "Create/Update secret"):
//   POST {address}/v1/{mount}/data/{path} with X-Vault-Token (and X-Vault-Namespace on Enterprise),
//   body { "data": { field: value } }; 200 with { data: { version, created_time } }. The token needs
//   the create (new path) or update capability. Vault has no fixed request limit; an operator-set
//   rate limit quota answers 429, a sealed or standby node 503: both are retryable.
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import { isFailed, joinUrl, requestJson, unexpectedStatus } from './sink-http.js';
import type { Outcome } from '../../providers/contract.js';
import { describeSecretSource, readOperatorSecret, type RotationSink, type RotationSinkSettings } from './rotation-sink.js';

type VaultKv2Settings = Extract<RotationSinkSettings, { kind: 'vault-kv2' }>;

const SERVICE = 'Vault';
/** Path segments a KV name may have: no '..', no empty segment, nothing that changes the URL's meaning. */
const KV_NAME = /^[A-Za-z0-9_.-]{1,100}(?:\/[A-Za-z0-9_.-]{1,100}){0,8}$/;

const writeResponseSchema = z.object({ data: z.object({ version: z.number() }) });

export interface VaultKv2SinkDeps {
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export function createVaultKv2Sink(settings: VaultKv2Settings, deps: VaultKv2SinkDeps): RotationSink {
  async function write(name: string, secret: Secret): Promise<Outcome<{ location: string }>> {
    if (!KV_NAME.test(name) || name.split('/').some((segment) => segment === '..' || segment === '.')) {
      return { status: 'failed', retryable: false, summary: `"${name.slice(0, 60)}" is not a valid Vault KV path` };
    }
    const token = readOperatorSecret(settings.token, deps.env);
    if (token === undefined) return { status: 'failed', retryable: false, summary: `no Vault token for the rotation sink: set ${describeSecretSource(settings.token)}` };
    const path = settings.pathPrefix === undefined ? name : `${settings.pathPrefix}/${name}`;
    const headers: Record<string, string> = { 'x-vault-token': token, 'content-type': 'application/json' };
    if (settings.namespace !== undefined) headers['x-vault-namespace'] = settings.namespace;

    const reply = await requestJson(
      deps.fetch,
      joinUrl(settings.address, `v1/${settings.mount}/data/${path}`),
      { method: 'POST', headers, body: JSON.stringify({ data: { [settings.field]: secret.reveal() } }) },
      SERVICE,
    );
    if (isFailed(reply)) return reply;
    if (reply.status === 403) return { status: 'failed', retryable: false, summary: `Vault refused the write to ${settings.mount}/${path}: the sink's token lacks create/update there` };
    if (reply.status !== 200 && reply.status !== 204) return unexpectedStatus(SERVICE, reply, deps.now());
    const written = writeResponseSchema.safeParse(reply.body);
    const version = written.success ? ` (version ${written.data.data.version})` : '';
    const location = `Vault KV ${settings.mount}/${path}#${settings.field}`;
    return { status: 'done', data: { location }, summary: `wrote the new secret to ${location}${version}` };
  }

  return { kind: 'vault-kv2', write };
}
