import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { twilioAdapter } from '../../../src/providers/twilio/adapter.js';
import { credential, expectContained, expectDone, settingsFor, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { HEX, randomChars } from '../random-token.js';

const TWILIO = 'https://api.twilio.com';
const CONSOLE_KEYS = 'https://console.twilio.com/us1/account/keys-credentials/api-keys';
const harness = useAdapterHarness('twilio');

const ACCOUNT_SID = `AC${randomChars(32, HEX)}`;
const KEY_SID = `SK${randomChars(32, HEX)}`;
const authToken = (details: Record<string, string> = { twilioAccountSid: ACCOUNT_SID }) => credential('twilio-auth-token', randomChars(32, HEX), details);
const apiKeySecret = () => credential('twilio-api-key-secret', randomChars(32), { twilioAccountSid: ACCOUNT_SID, twilioApiKeySid: KEY_SID });
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ACCOUNT_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}.json`;

/** Twilio's account resource, trimmed to what matters here. */
function account(overrides: Record<string, unknown> = {}) {
  return {
    sid: ACCOUNT_SID,
    owner_account_sid: ACCOUNT_SID,
    friendly_name: 'Acme Alerts',
    status: 'active',
    type: 'Full',
    date_created: 'Mon, 03 Feb 2025 10:00:00 +0000',
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}.json`,
    ...overrides,
  };
}

describe('twilio adapter: auth token with its Account SID', () => {
  verifyContract(harness, {
    adapter: twilioAdapter,
    origin: TWILIO,
    credential: authToken,
    request: (scope, raw) => scope.get(ACCOUNT_PATH).matchHeader('authorization', basic(ACCOUNT_SID, raw)),
    live: { body: account() },
    identity: { account: `"Acme Alerts" (${ACCOUNT_SID})`, type: 'auth token of a full account' },
    dead: { status: 401, body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } },
  });

  it('names the parent of a subaccount and the account status', async () => {
    const parent = `AC${randomChars(32, HEX)}`;
    nock(TWILIO).get(ACCOUNT_PATH).reply(200, account({ owner_account_sid: parent, type: 'Trial', status: 'suspended', friendly_name: null }));
    const outcome = await twilioAdapter.verify!(authToken(), harness.ctx);
    expect(expectDone(outcome)).toEqual({ account: ACCOUNT_SID, owner: `parent account ${parent}`, type: 'auth token of a trial account' });
    expect(outcome.summary).toBe(`live Twilio auth token of trial account ${ACCOUNT_SID}, suspended`);
  });

  it('treats a 403 as a refusal for a human, not as a dead token', async () => {
    const cred = authToken();
    nock(TWILIO).get(ACCOUNT_PATH).reply(403, { code: 20005, message: 'Account not active', status: 403 });
    const outcome = await twilioAdapter.verify!(cred, harness.ctx);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expectContained(harness, cred.secret.reveal(), TWILIO, [outcome]);
  });

  it('sends the token only to the operator’s Twilio base URL', async () => {
    const proxy = 'https://twilio-egress.acme.test';
    const ctx = { ...harness.ctx, settings: settingsFor('twilio', { LEAKSTOP_TWILIO_API_URL: `${proxy}/` }) };
    const cred = authToken();
    nock(proxy).get(ACCOUNT_PATH).matchHeader('authorization', basic(ACCOUNT_SID, cred.secret.reveal())).reply(200, account());
    const outcome = await twilioAdapter.verify!(cred, ctx);
    expect(outcome.status).toBe('done');
    expect(harness.sent.map((request) => new URL(request.url).origin)).toEqual([proxy]);
  });

});

describe('twilio adapter: what it cannot check', () => {
  it('sends an auth token found without its Account SID to a human, calling nobody', async () => {
    const found: Record<string, string>[] = [{}, { twilioAccountSid: 'ACnot-a-sid' }, { twilioAccountSid: `AC${randomChars(32, HEX)}/../Keys` }];
    for (const details of found) {
      const outcome = await twilioAdapter.verify!(authToken(details), harness.ctx);
      expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: CONSOLE_KEYS });
      expect(outcome.summary).toContain('Account SID');
    }
    expect(harness.sent).toEqual([]);
  });

  it('does not test API key secrets, even with both SIDs: Twilio answers 401 to live Standard keys on /Accounts', async () => {
    const outcome = await twilioAdapter.verify!(apiKeySecret(), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: CONSOLE_KEYS });
    expect(harness.sent).toEqual([]);
  });


});
