// What leakstop can do about a leaked Twilio credential (https://www.twilio.com/docs/usage/requests-to-twilio).
// Every REST call authenticates with HTTP Basic: Account SID (AC…) + auth token, or API key SID (SK…)
// + key secret. The rules in twilio.ts report the secret half; an auth token is checked only when
// the finding also carries details.twilioAccountSid (an identifier, safe to show), which detection
// sets only where it pairs the SID with the token for certain. Without it verify is unsupported.
// - GET /2010-04-01/Accounts/{AccountSid}.json (https://www.twilio.com/docs/iam/api/account): the
//   account's name, status and type, for its auth token; 401 (error 20003) when the token is wrong.
// - API key secrets are not checked: Standard and Restricted keys may not read /Accounts (only Main
//   keys may), and Twilio answers them 401 20003 "invalid username", the same as for a dead key.
// - Revoke: DELETE /2010-04-01/Accounts/{AccountSid}/Keys/{KeySid}.json needs the account's auth
//   token or a Main key, never the key itself; an auth token is replaced by creating a secondary
//   token and promoting it (accounts.twilio.com/v1/AuthTokens/Secondary, /Promote), which cuts off
//   every application still using the old one, so a human does it in the Console.
// Twilio limits concurrent requests per account and answers 429 (error 20429), always safe to retry
// (https://www.twilio.com/docs/api/errors/20429).
import { z } from 'zod';
import type { Credential, Identity, Outcome, ProviderAdapter, AdapterContext } from '../contract.js';
import type { TwilioSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';

const CONSOLE_KEYS = 'https://console.twilio.com/us1/account/keys-credentials/api-keys';
const AUTH_TOKEN_RULE = 'twilio-auth-token';
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

const accountSchema = z.object({
  sid: z.string(),
  friendly_name: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  owner_account_sid: z.string().nullable().optional(),
});

/** The Account SID the auth token pairs with, when detection found it beside the token. */
function accountSid(credential: Credential): string | undefined {
  const sid = credential.details['twilioAccountSid'];
  return sid !== undefined && ACCOUNT_SID.test(sid) ? sid : undefined;
}

async function fetchAccount(credential: Credential, sid: string, ctx: AdapterContext<TwilioSettings>): Promise<Outcome<Identity>> {
  const basic = Buffer.from(`${sid}:${credential.secret.reveal()}`).toString('base64');
  const response = await callProvider(ctx, {
    what: 'Twilio GET /2010-04-01/Accounts/{AccountSid}.json',
    url: `${ctx.settings.apiUrl}/2010-04-01/Accounts/${sid}.json`,
    headers: { authorization: `Basic ${basic}` },
    // 403 is a refusal (a suspended account, a proxy), not proof that the token is wrong.
    deadStatuses: [401],
    schema: accountSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const account = response.data;
  const name = account.friendly_name ? `"${account.friendly_name}" (${account.sid})` : account.sid;
  const kind = account.type ? `${account.type.toLowerCase()} account` : 'account';
  const parent = account.owner_account_sid && account.owner_account_sid !== account.sid ? account.owner_account_sid : undefined;
  const identity: Identity = { account: name, type: `auth token of a ${kind}`, ...(parent ? { owner: `parent account ${parent}` } : {}) };
  const status = account.status ? `, ${account.status}` : '';
  return { status: 'done', data: identity, summary: `live Twilio auth token of ${kind} ${name}${status}` };
}

function cannotVerify(credential: Credential): Outcome<never> {
  if (credential.ruleId === AUTH_TOKEN_RULE) {
    return unsupported(
      'the finding holds the auth token but not the Account SID (AC…) it authenticates with, so leakstop cannot ask Twilio: check the token in the Console',
      CONSOLE_KEYS,
    );
  }
  return unsupported(
    'Twilio cannot tell a live Standard API key from a dead one by its secret alone (its key SID is the user name, and /Accounts answers 401 to every non-Main key): check the key in the Console',
    CONSOLE_KEYS,
  );
}

export const twilioAdapter: ProviderAdapter<TwilioSettings> = {
  provider: 'twilio',
  manualRevokeUrl: CONSOLE_KEYS,

  verify(credential, ctx) {
    const sid = credential.ruleId === AUTH_TOKEN_RULE ? accountSid(credential) : undefined;
    return sid ? fetchAccount(credential, sid, ctx) : Promise.resolve(cannotVerify(credential));
  },

};
