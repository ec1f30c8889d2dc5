import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { huggingfaceAdapter } from '../../../src/providers/huggingface/adapter.js';
import { credential, expectDone, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { LETTERS, randomChars } from '../random-token.js';

const HF = 'https://huggingface.co';
const harness = useAdapterHarness('huggingface');
const token = () => credential('huggingface-access-token', `hf_${randomChars(34, LETTERS)}`);
const WHOAMI = {
  type: 'user',
  id: '64f1c0ffee',
  name: 'acme-ml',
  orgs: [{ name: 'acme', roleInOrg: 'write' }],
  auth: { type: 'access_token', accessToken: { displayName: 'ci-upload', role: 'write', createdAt: '2026-10-01T08:00:00.000Z' } },
};

describe('huggingface adapter', () => {
  verifyContract(harness, {
    adapter: huggingfaceAdapter,
    origin: HF,
    credential: token,
    request: (scope, raw) => scope.get('/api/whoami-v2').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: WHOAMI },
    identity: { account: 'acme-ml', type: 'write access token "ci-upload"' },
    dead: { status: 401, body: { error: 'Invalid credentials in Authorization header' } },
  });

  it('describes the token’s role and organizations', async () => {
    nock(HF).get('/api/whoami-v2').reply(200, WHOAMI);
    expect(expectDone(await huggingfaceAdapter.describe!(token(), harness.ctx))).toEqual({ scopes: ['write'], notes: ['member of acme'] });
  });

});
