import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { linearAdapter } from '../../../src/providers/linear/adapter.js';
import { credential, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const LINEAR = 'https://api.linear.app';
const harness = useAdapterHarness('linear');
const apiKey = () => credential('linear-api-key', `lin_api_${randomChars(40)}`);

describe('linear adapter', () => {
  verifyContract(harness, {
    adapter: linearAdapter,
    origin: LINEAR,
    credential: apiKey,
    request: (scope, raw) => scope.post('/graphql', (body: { query?: string }) => body.query?.includes('viewer') === true).matchHeader('authorization', raw),
    live: { body: { data: { viewer: { id: 'u1', name: 'Ada Ops', email: 'ada@acme.test' }, organization: { name: 'Acme' } } } },
    identity: { account: 'Ada Ops <ada@acme.test>', owner: 'Acme', type: 'personal API key' },
    dead: { status: 401, body: { errors: [{ message: 'Authentication required', extensions: { code: 'AUTHENTICATION_ERROR' } }] } },
  });

  it('reads GraphQL errors in a 400 body: authentication error and rate limit', async () => {
    nock(LINEAR).post('/graphql').reply(400, { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] });
    nock(LINEAR).post('/graphql').reply(400, { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] });
    expect((await linearAdapter.verify!(apiKey(), harness.ctx)).status).toBe('not-live');
    expect(await linearAdapter.verify!(apiKey(), harness.ctx)).toMatchObject({ status: 'failed', retryable: true });
  });

});
