// SendGrid API keys: `SG.<key id>.<secret>`, two base64url parts.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/**
 * The key id is 22 base64url characters and the secret 43: the encodings of 16 and 32 random bytes.
 * Such encodings leave unused low bits in their last character, which are zero in a real key, so a
 * key whose last characters fit is more surely a SendGrid key than one that only has the shape.
 */
const LAST_CHAR_OF_16_BYTES = /[AQgw]$/;
const LAST_CHAR_OF_32_BYTES = /[AEIMQUYcgkosw048]$/;

function checkEncoding({ secret }: Candidate): Validation {
  const [, keyId = '', keySecret = ''] = secret.split('.');
  const exact = LAST_CHAR_OF_16_BYTES.test(keyId) && LAST_CHAR_OF_32_BYTES.test(keySecret);
  return { valid: true, confidence: exact ? 'structure' : 'pattern' };
}

const apiKey: Rule = {
  id: 'sendgrid-api-key',
  provider: 'sendgrid',
  title: 'SendGrid API key',
  severity: 'high',
  keywords: ['SG.'],
  prefixes: ['SG.'],
  window: { before: 0, after: 72 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: checkEncoding,
  remediation:
    'Delete the key in SendGrid (Settings → API Keys, https://app.sendgrid.com/settings/api_keys) and create a new one with only the scopes the application needs.',
  samples: {
    positive: [
      'SENDGRID_API_KEY=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',
      "sgMail.setApiKey('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');",
      '  sendgrid_api_key: "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"',
    ],
    negative: [
      'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SENDGRID_API_KEY=SG.your_sendgrid_api_key_here',
      // Truncated: the secret part is 40 characters instead of 43.
      'SENDGRID_API_KEY=SG.G8A33NIteoOMio7xJcrJsQ.gNCTN6H6R9zcsP84SaGj-duPAUIwPr8mldfa_jh',
      // A prefix inside a longer identifier.
      'const MSG.G8A33NIteoOMio7xJcrJsQ.gNCTN6H6R9zcsP84SaGj-duPAUIwPr8mldfa_jhZ_mU = 1',
      'SG.G8A33NIteoOMio7xJcrJsQ.gNCTN6H6R9zcsP84SaGj-duPAUIwPr8mldfa_jhZ_mUextra',
    ],
  },
};

export const sendgrid: ProviderDefinition = { id: 'sendgrid', name: 'SendGrid', rules: [apiKey] };
