import { describe } from 'vitest';
import { postmanAdapter } from '../../../src/providers/postman/adapter.js';
import { credential, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { HEX, randomChars } from '../random-token.js';

const harness = useAdapterHarness('postman');
const apiKey = () => credential('postman-api-key', `PMAK-${randomChars(24, HEX)}-${randomChars(34, HEX)}`);

describe('postman adapter', () => {
  verifyContract(harness, {
    adapter: postmanAdapter,
    origin: 'https://api.getpostman.com',
    credential: apiKey,
    request: (scope, raw) => scope.get('/me').matchHeader('x-api-key', raw),
    live: { body: { user: { id: 12345678, username: 'ada-ops', email: 'ada@acme.test', fullName: 'Ada Ops', teamName: 'Acme' }, operations: [] } },
    identity: { account: 'ada-ops', owner: 'Acme', type: 'API key' },
    dead: { status: 401, body: { error: { name: 'AuthenticationError', message: 'Invalid API Key. Every request requires a valid API Key to be sent.' } } },
  });
});
