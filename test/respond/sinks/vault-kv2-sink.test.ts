import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/detect/secret.js';
import { rotationSinkSettingsSchema, type RotationSinkSettings } from '../../../src/respond/sinks/rotation-sink.js';
import { createVaultKv2Sink } from '../../../src/respond/sinks/vault-kv2-sink.js';
import { mockHttp, type HttpMock } from '../../providers/request-recorder.js';

const VAULT = 'https://vault.internal.test:8200';
const NOW = new Date('2026-11-23T13:00:00Z');
const VAULT_TOKEN = 'hvs.CAESIOperatorSinkTokenForTests0000';
const NEW_SECRET = 'sk-ant-api03-NewRotatedSecretValue0123456789abcdef';

function settings(raw: Record<string, unknown> = {}): Extract<RotationSinkSettings, { kind: 'vault-kv2' }> {
  const parsed = rotationSinkSettingsSchema.parse({ kind: 'vault-kv2', address: VAULT, token: { env: 'SINK_VAULT_TOKEN' }, mount: 'secret', pathPrefix: 'ci/leakstop', ...raw });
  if (parsed.kind !== 'vault-kv2') throw new Error('wrong kind');
  return parsed;
}

const deps = { fetch, env: { SINK_VAULT_TOKEN: VAULT_TOKEN }, now: () => NOW };

describe('the Vault KV v2 sink', () => {
  let http: HttpMock;
  beforeEach(() => {
    http = mockHttp();
  });
  afterEach(() => {
    http.verifyDone();
    http.expectNotSent(NEW_SECRET, 'vault.internal.test:8200');
    http.dispose();
  });

  it('writes a new version under the mount\'s data path with the operator token', async () => {
    http
      .scope(VAULT)
      .matchHeader('x-vault-token', VAULT_TOKEN)
      .matchHeader('x-vault-namespace', 'admin/ci')
      .post('/v1/secret/data/ci/leakstop/anthropic', { data: { api_key: NEW_SECRET } })
      .reply(200, { request_id: 'b5a5c9c3-1234', data: { created_time: '2026-11-23T13:00:01.5Z', custom_metadata: null, deletion_time: '', destroyed: false, version: 4 } });
    const sink = createVaultKv2Sink(settings({ field: 'api_key', namespace: 'admin/ci' }), deps);
    const outcome = await sink.write('anthropic', new Secret(NEW_SECRET));
    expect(outcome).toEqual({
      status: 'done',
      data: { location: 'Vault KV secret/ci/leakstop/anthropic#api_key' },
      summary: 'wrote the new secret to Vault KV secret/ci/leakstop/anthropic#api_key (version 4)',
    });
    expect(JSON.stringify(outcome)).not.toContain(NEW_SECRET);
  });

  it('reports a token without the capability as a failure a human must fix', async () => {
    http.scope(VAULT).post('/v1/secret/data/ci/leakstop/anthropic').reply(403, { errors: ['1 error occurred:\n\t* permission denied\n\n'] });
    const outcome = await createVaultKv2Sink(settings(), deps).write('anthropic', new Secret(NEW_SECRET));
    expect(outcome).toEqual({ status: 'failed', retryable: false, summary: 'Vault refused the write to secret/ci/leakstop/anthropic: the sink\'s token lacks create/update there' });
  });

  it('retries a sealed or rate-limited Vault', async () => {
    http.scope(VAULT).post('/v1/secret/data/ci/leakstop/anthropic').reply(503, { errors: ['Vault is sealed'] });
    const sink = createVaultKv2Sink(settings(), deps);
    expect(await sink.write('anthropic', new Secret(NEW_SECRET))).toEqual({ status: 'failed', retryable: true, summary: 'Vault answered HTTP 503: Vault is sealed' });
    http.scope(VAULT).post('/v1/secret/data/ci/leakstop/anthropic').reply(429, { errors: ['request path "secret/data/ci": rate limit quota exceeded'] }, { 'retry-after': '2' });
    expect(await sink.write('anthropic', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: true, retryAfterSeconds: 2 });
  });

  it('refuses paths that climb out of the prefix, without any request', async () => {
    const outcome = await createVaultKv2Sink(settings(), deps).write('../../sys/policy', new Secret(NEW_SECRET));
    expect(outcome.status).toBe('failed');
    expect(http.requests).toEqual([]);
  });
});
