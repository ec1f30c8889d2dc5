import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { mailgunAdapter } from '../../../src/providers/mailgun/adapter.js';
import { credential, expectDone, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { HEX, randomChars } from '../random-token.js';

const MAILGUN_EU = 'https://api.eu.mailgun.net';
const harness = useAdapterHarness('mailgun', { LEAKSTOP_MAILGUN_API_URL: MAILGUN_EU });
const apiKey = () => credential('mailgun-api-key', `key-${randomChars(32, HEX)}`);
const DOMAINS = { total_count: 2, items: [{ name: 'mg.acme.test', state: 'active' }, { name: 'mail.acme.test', state: 'active' }] };

describe('mailgun adapter (EU region from operator settings)', () => {
  verifyContract(harness, {
    adapter: mailgunAdapter,
    origin: MAILGUN_EU,
    credential: apiKey,
    request: (scope, raw) => scope.get('/v3/domains').query({ limit: '100' }).matchHeader('authorization', `Basic ${Buffer.from(`api:${raw}`).toString('base64')}`),
    live: { body: DOMAINS },
    identity: { account: 'Mailgun account sending for mg.acme.test', type: 'API key' },
    dead: { status: 401, body: 'Forbidden' },
  });

  it('describes the domains the key can send for', async () => {
    nock(MAILGUN_EU).get('/v3/domains').query(true).reply(200, DOMAINS);
    expect(expectDone(await mailgunAdapter.describe!(apiKey(), harness.ctx)).notes).toEqual(['can send as mg.acme.test, mail.acme.test']);
  });

});
