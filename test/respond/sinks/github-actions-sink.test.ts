import sodium from 'libsodium-wrappers';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/detect/secret.js';
import { createGithubActionsSink, sealForGithub } from '../../../src/respond/sinks/github-actions-sink.js';
import { rotationSinkSettingsSchema, type RotationSinkSettings } from '../../../src/respond/sinks/rotation-sink.js';
import { mockHttp, type HttpMock } from '../../providers/request-recorder.js';

const API = 'https://api.github.test';
const NOW = new Date('2026-11-23T13:00:00Z');
const TOKEN = 'ghs_operatorSinkTokenForTests000000000000';
const NEW_SECRET = 'sk_live_51NewRotatedSecretValue0123456789abcdefABCDEF';

let keyPair: { publicKey: Uint8Array; privateKey: Uint8Array };
let publicKeyBase64: string;

beforeAll(async () => {
  await sodium.ready;
  keyPair = sodium.crypto_box_keypair();
  publicKeyBase64 = sodium.to_base64(keyPair.publicKey, sodium.base64_variants.ORIGINAL);
});

/** Opens a sealed box the way GitHub does, with the target's private key. */
function open(sealedBase64: string): string {
  const sealed = sodium.from_base64(sealedBase64, sodium.base64_variants.ORIGINAL);
  return sodium.to_string(sodium.crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.privateKey));
}

function settings(raw: Record<string, unknown>): Extract<RotationSinkSettings, { kind: 'github-actions' }> {
  const parsed = rotationSinkSettingsSchema.parse({ kind: 'github-actions', apiBaseUrl: API, token: { env: 'SINK_GITHUB_TOKEN' }, ...raw });
  if (parsed.kind !== 'github-actions') throw new Error('wrong kind');
  return parsed;
}

const deps = { fetch, env: { SINK_GITHUB_TOKEN: TOKEN }, now: () => NOW };

describe('the GitHub Actions sink', () => {
  let http: HttpMock;
  beforeEach(() => {
    http = mockHttp();
  });
  afterEach(() => {
    http.verifyDone();
    // Sealed before it leaves: the new secret is in no request at all, not even GitHub's.
    http.expectNotSent(NEW_SECRET);
    http.dispose();
  });

  it('seals the secret for the repository public key and PUTs it', async () => {
    let sealed = '';
    const api = http.scope(API).matchHeader('authorization', `Bearer ${TOKEN}`);
    api.get('/repos/acme/shop/actions/secrets/public-key').reply(200, { key_id: '568250167242549743', key: publicKeyBase64 });
    api
      .put('/repos/acme/shop/actions/secrets/STRIPE_SECRET_KEY', (body: { encrypted_value: string; key_id: string }) => {
        sealed = body.encrypted_value;
        return body.key_id === '568250167242549743';
      })
      .reply(201);
    const outcome = await createGithubActionsSink(settings({ repository: 'acme/shop' }), deps).write('STRIPE_SECRET_KEY', new Secret(NEW_SECRET));
    expect(outcome).toEqual({ status: 'done', data: { location: 'GitHub Actions secret STRIPE_SECRET_KEY of acme/shop' }, summary: 'created the GitHub Actions secret STRIPE_SECRET_KEY of acme/shop' });
    expect(open(sealed)).toBe(NEW_SECRET);
  });

  it('writes an organization secret with its visibility', async () => {
    const api = http.scope(API);
    api.get('/orgs/acme/actions/secrets/public-key').reply(200, { key_id: '42', key: publicKeyBase64 });
    api
      .put('/orgs/acme/actions/secrets/DEPLOY_KEY', (body: { visibility: string; selected_repository_ids: number[] }) => body.visibility === 'selected' && body.selected_repository_ids[0] === 1296269)
      .reply(204);
    const sink = createGithubActionsSink(settings({ organization: 'acme', visibility: 'selected', selectedRepositoryIds: [1296269] }), deps);
    const outcome = await sink.write('DEPLOY_KEY', new Secret(NEW_SECRET));
    expect(outcome.summary).toBe('updated the GitHub Actions secret DEPLOY_KEY of organization acme');
  });

  it('reports secondary rate limits as retryable with GitHub\'s retry-after', async () => {
    http.scope(API).get('/repos/acme/shop/actions/secrets/public-key').reply(429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '60' });
    const outcome = await createGithubActionsSink(settings({ repository: 'acme/shop' }), deps).write('STRIPE_SECRET_KEY', new Secret(NEW_SECRET));
    expect(outcome).toEqual({ status: 'failed', retryable: true, retryAfterSeconds: 60, summary: 'GitHub Actions secrets API rate limit reached (HTTP 429)' });
  });

  it('reports a server error as retryable and a missing permission as not', async () => {
    http.scope(API).get('/repos/acme/shop/actions/secrets/public-key').reply(502, 'Bad Gateway');
    const sink = createGithubActionsSink(settings({ repository: 'acme/shop' }), deps);
    expect(await sink.write('STRIPE_SECRET_KEY', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: true });
    http.scope(API).get('/repos/acme/shop/actions/secrets/public-key').reply(403, { message: 'Resource not accessible by integration' });
    expect(await sink.write('STRIPE_SECRET_KEY', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: false });
  });

  it('refuses names GitHub does not allow and a missing token, without any request', async () => {
    const sink = createGithubActionsSink(settings({ repository: 'acme/shop' }), deps);
    expect(await sink.write('GITHUB_TOKEN', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: false });
    expect(await sink.write('../x', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: false });
    const tokenless = createGithubActionsSink(settings({ repository: 'acme/shop' }), { ...deps, env: {} });
    expect(await tokenless.write('STRIPE_SECRET_KEY', new Secret(NEW_SECRET))).toEqual({ status: 'failed', retryable: false, summary: 'no GitHub token for the rotation sink: set the environment variable SINK_GITHUB_TOKEN' });
    expect(http.requests).toEqual([]);
  });
});

describe('sealForGithub', () => {
  it('produces a different box each time that opens to the same value', async () => {
    const a = await sealForGithub('value', publicKeyBase64);
    const b = await sealForGithub('value', publicKeyBase64);
    expect(a).not.toBe(b);
    expect(open(a)).toBe('value');
    expect(open(b)).toBe('value');
  });
});
