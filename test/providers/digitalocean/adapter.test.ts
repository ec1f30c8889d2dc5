import { describe } from 'vitest';
import { digitaloceanAdapter } from '../../../src/providers/digitalocean/adapter.js';
import { credential, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { HEX, randomChars } from '../random-token.js';

const harness = useAdapterHarness('digitalocean');
const token = () => credential('digitalocean-pat', `dop_v1_${randomChars(64, HEX)}`);

describe('digitalocean adapter', () => {
  verifyContract(harness, {
    adapter: digitaloceanAdapter,
    origin: 'https://api.digitalocean.com',
    credential: token,
    request: (scope, raw) => scope.get('/v2/account').matchHeader('authorization', `Bearer ${raw}`),
    live: {
      body: { account: { droplet_limit: 25, email: 'ops@acme.test', uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef', email_verified: true, status: 'active', team: { uuid: '5df3e3004a17e242b7c20ca6c9fc25b701a47ece', name: 'Acme Ops' } } },
    },
    identity: { account: 'ops@acme.test', owner: 'Acme Ops', type: 'personal access token' },
    dead: { status: 401, body: { id: 'unauthorized', message: 'Unable to authenticate you.' } },
  });
});
