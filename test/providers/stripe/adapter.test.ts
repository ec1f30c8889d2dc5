import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { stripeAdapter } from '../../../src/providers/stripe/adapter.js';
import { credential, expectContained, expectDone, NOW, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const STRIPE = 'https://api.stripe.com';
const OPERATOR_KEY = `rk_live_${randomChars(99)}`;
const harness = useAdapterHarness('stripe', { LEAKSTOP_STRIPE_SECRET_KEY: OPERATOR_KEY });
const secretKey = () => credential('stripe-secret-key', `sk_live_${randomChars(99)}`);

const ACCOUNT = { id: 'acct_1Nv0FGQ9RKHgCVdK', object: 'account', email: 'billing@acme.test', business_profile: { name: 'Acme Shop' }, settings: { dashboard: { display_name: 'Acme' } } };

describe('stripe adapter', () => {
  verifyContract(harness, {
    adapter: stripeAdapter,
    origin: STRIPE,
    credential: secretKey,
    request: (scope, raw) => scope.get('/v1/account').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: ACCOUNT },
    identity: { account: 'acct_1Nv0FGQ9RKHgCVdK', owner: 'Acme', type: 'live secret key' },
    dead: { status: 401, body: { error: { message: 'Invalid API Key provided: sk_live_****abcd', type: 'invalid_request_error' } } },
  });

  it('does not call a restricted key that /v1/account refuses (403) dead', async () => {
    const cred = credential('stripe-restricted-key', `rk_live_${randomChars(99)}`);
    nock(STRIPE).get('/v1/account').reply(403, { error: { message: 'The provided key does not have the required permissions for this endpoint', type: 'invalid_request_error' } });
    expect(await stripeAdapter.verify!(cred, harness.ctx)).toMatchObject({ status: 'failed', retryable: false });
  });

  it('lists the account\'s recent events with the operator key of the same account', async () => {
    const cred = secretKey();
    const raw = cred.secret.reveal();
    const since = Math.floor(NOW.getTime() / 1000) - 7 * 86_400;
    nock(STRIPE).get('/v1/account').matchHeader('authorization', `Bearer ${raw}`).reply(200, ACCOUNT);
    nock(STRIPE).get('/v1/account').matchHeader('authorization', `Bearer ${OPERATOR_KEY}`).reply(200, ACCOUNT);
    nock(STRIPE)
      .get('/v1/events')
      .matchHeader('authorization', `Bearer ${OPERATOR_KEY}`)
      .query({ limit: '100', 'created[gte]': String(since) })
      .reply(200, {
        object: 'list',
        data: [
          { id: 'evt_3', object: 'event', type: 'payout.created', created: 1763899000 },
          { id: 'evt_2', object: 'event', type: 'customer.created', created: 1763898000 },
          { id: 'evt_1', object: 'event', type: 'customer.created', created: 1763897000 },
        ],
        has_more: false,
        url: '/v1/events',
      });
    const outcome = await stripeAdapter.activity!(cred, harness.ctx);
    const activity = expectDone(outcome);
    expect(activity.events[0]).toEqual({ time: '2025-11-23T11:56:40.000Z', action: 'payout.created', source: 'evt_3' });
    expect(activity.notes).toEqual(['Stripe events are the whole account\'s: they do not say which key caused them', 'events by type: customer.created ×2, payout.created ×1']);
    expect(outcome.summary).toBe('3 events on account acct_1Nv0FGQ9RKHgCVdK in the last 7 days');
    expectContained(harness, raw, STRIPE, [outcome]);
    expectContained(harness, OPERATOR_KEY, STRIPE, [outcome]);
    // The leaked key is used only to name its account, never to read events.
    expect(harness.sent.filter((r) => r.url.includes('/v1/events')).map((r) => r.headers['authorization'])).toEqual([`Bearer ${OPERATOR_KEY}`]);
  });

  it('refuses to read another account\'s events', async () => {
    const cred = secretKey();
    nock(STRIPE).get('/v1/account').matchHeader('authorization', `Bearer ${cred.secret.reveal()}`).reply(200, ACCOUNT);
    nock(STRIPE).get('/v1/account').matchHeader('authorization', `Bearer ${OPERATOR_KEY}`).reply(200, { ...ACCOUNT, id: 'acct_other' });
    expect(await stripeAdapter.activity!(cred, harness.ctx)).toMatchObject({ status: 'unsupported' });
  });
});
