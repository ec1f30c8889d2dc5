// Twilio credentials. Neither the account auth token (32 hex) nor an API key secret (32
// alphanumerics) has a prefix, so both are found by where they stand: assigned to a Twilio-named
// variable, or passed right after the account SID (AC…) or API key SID (SK…) they pair with.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/**
 * A Twilio-named variable, e.g. TWILIO_AUTH_TOKEN, twilioAuthToken, twilio.auth_token, or a key
 * nested under a `twilio:` section of YAML.
 */
// Between the provider name and the key name: a prefix (TWILIO_AUTH_TOKEN) or, in nested JSON/YAML
// ("Twilio": { "AccountSid": "AC…", "AuthToken": …), a sibling entry or two.
const NAMED = (name: string): string => String.raw`twilio[\w.:\s"'{},-]{0,120}?${name}[\w.-]{0,12}?["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}`;

/** The secret passed as the argument after its SID: twilio('AC…', '…'), Client("SK…", "…"). */
const AFTER_SID = (sidPrefix: string, group?: string): string =>
  String.raw`${group === undefined ? '' : `(?<${group}>`}${sidPrefix}[0-9a-f]{32}${group === undefined ? '' : ')'}["'\x60]\s{0,4},\s{0,4}`;

/**
 * An auth token passed right after its account SID can be verified: Twilio authenticates with the
 * pair (Basic SID:token). The SID is an identifier, safe to show.
 */
function withAccountSid({ groups }: Candidate): Validation {
  const sid = groups['accountSid'];
  return sid === undefined ? { valid: true } : { valid: true, details: { twilioAccountSid: sid } };
}

const authToken: Rule = {
  id: 'twilio-auth-token',
  provider: 'twilio',
  title: 'Twilio account auth token',
  severity: 'critical',
  keywords: ['twilio'],
  keywordsIgnoreCase: true,
  // The client constructor may come a few lines after `require('twilio')` or `from twilio.rest import Client`.
  window: { before: 40, after: 400 },
  pattern: new RegExp(
    String.raw`(?:${NAMED('auth[_.-]?token')}|${AFTER_SID('AC', 'accountSid')})["'\x60]?(?<secret>[0-9a-f]{32})(?![0-9a-z])`,
    'i',
  ),
  minEntropy: 3,
  validate: withAccountSid,
  remediation:
    'Rotate the auth token in the Twilio Console (Account → API keys & tokens → Auth tokens, https://console.twilio.com/us1/account/keys-credentials/api-keys): create a secondary token, move the application to it, then promote it so the leaked one stops working.',
  samples: {
    positive: [
      'TWILIO_AUTH_TOKEN=7ff5332c9b59eca76c5497f891dbe625',
      "const client = require('twilio')('AC23de113bc731f85e1c523c5444b85bbc', '5c190b4d26ae0b905decba5d24f786e4');",
      'from twilio.rest import Client\n\nclient = Client("AC6dcf512d5d445d485360444961b5cbb5", "9346145dedb59197d0e705c4b5a55ab9")',
      '  twilio:\n    authToken: "5c190b4d26ae0b905decba5d24f786e4"',
    ],
    negative: [
      'TWILIO_AUTH_TOKEN=your_auth_token',
      'TWILIO_AUTH_TOKEN=00000000000000000000000000000000',
      // The account SID alone is an identifier, not a secret.
      'TWILIO_ACCOUNT_SID=AC23de113bc731f85e1c523c5444b85bbc',
      "const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);",
      // Too long to be an auth token: a SHA-1, 40 hex characters.
      'twilio_auth_token_sha1 = "e0c9035898dd52fc65c41454cec9c4d2611bfb37"',
      'TWILIO_AUTH_TOKEN=7ff5332c9b59eca76c5497f891dbe62',
    ],
  },
};

/** Capitalised or lower-case words of 3+ letters: what identifiers are made of. */
const WORD = /[A-Z]?[a-z]{3,}/g;

/**
 * A random API key secret has letters of both cases and digits, and only short runs of lower-case
 * letters; a camelCase identifier (TwilioApiKeySecretForProd1) is mostly words.
 */
function checkApiKeySecret({ secret }: Candidate): Validation {
  const mixed = /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);
  if (!mixed) return { valid: false, reason: 'not a mix of upper case, lower case and digits' };
  const wordChars = (secret.match(WORD) ?? []).join('').length;
  if (wordChars * 2 >= secret.length) return { valid: false, reason: 'mostly words: an identifier' };
  return { valid: true };
}

const apiKeySecret: Rule = {
  id: 'twilio-api-key-secret',
  provider: 'twilio',
  title: 'Twilio API key secret',
  severity: 'high',
  keywords: ['twilio'],
  keywordsIgnoreCase: true,
  window: { before: 40, after: 400 },
  pattern: new RegExp(
    String.raw`(?:${NAMED('(?:api[_.-]?)?(?:key[_.-]?)?secret')}|${AFTER_SID('SK')})["'\x60]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`,
    'i',
  ),
  minEntropy: 3.5,
  validate: checkApiKeySecret,
  remediation:
    'Delete the API key in the Twilio Console (Account → API keys & tokens, https://console.twilio.com/us1/account/keys-credentials/api-keys) and create a new one; deleting it revokes the secret at once.',
  samples: {
    positive: [
      'TWILIO_API_KEY=SK6438fd65ab544977f93122542348a537\nTWILIO_API_SECRET=oBzKf2txbcupQ2QdJZZ534bJVCX2rYWf',
      "const twilioApiKeySecret = 'tRYfUT8MiuvYw2qVcx0QfJN45wsYTwSZ';",
      "const client = twilio('SK780db5f9b677b53060dddac2f43f8c5d', 'ipzy4OpSMVtwkv7mFXOnOzpVtFt2jDbF', { accountSid });",
    ],
    negative: [
      'TWILIO_API_SECRET=your_twilio_api_secret_goes_here',
      // An API key SID alone identifies the key; the secret is what grants access.
      "const twilioApiKeySid = 'SK6438fd65ab544977f93122542348a537';",
      'TWILIO_API_SECRET=${TWILIO_API_SECRET}',
      "twilioSecretName: 'TwilioApiKeySecretForProduction1'",
      'TWILIO_API_SECRET=oBzKf2txbcupQ2QdJZZ534bJVCX2rYWfA9',
    ],
  },
};

export const twilio: ProviderDefinition = { id: 'twilio', name: 'Twilio', rules: [authToken, apiKeySecret] };
