// Razorpay API keys (https://razorpay.com/docs/api/authentication/): a key id, `rzp_live_` (or
// `rzp_test_`) + 14 base62 characters, which Checkout puts in the browser, and a key secret of
// 24 base62 characters sent with it as Basic auth. The secret has no prefix; it counts where it
// follows a live key id: as the next argument (`Client(auth=("rzp_live_…", "…"))`) or named as a
// secret a few lines below. Test-mode keys move no money and are not findings.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';

/** A random secret mixes upper case, lower case and digits; an identifier is mostly words. */
function checkKeySecret({ secret, groups }: Candidate): Validation {
  const mixed = /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);
  if (!mixed) return { valid: false, reason: 'not a mix of upper case, lower case and digits' };
  const keyId = groups['keyId'];
  return { valid: true, confidence: 'structure', ...(keyId === undefined ? {} : { details: { razorpayKeyId: keyId } }) };
}

const POSITIONAL = String.raw`["'\x60]\s{0,4},\s{0,4}["'\x60]`;
const NAMED = String.raw`[\w"'\s:=,.(){}-]{0,80}?secret[\w.-]{0,12}?["']?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

const keySecret: Rule = {
  id: 'razorpay-key-secret',
  provider: 'razorpay',
  title: 'Razorpay live key secret',
  severity: 'critical',
  keywords: ['rzp_live_'],
  window: { before: 0, after: 160 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<keyId>rzp_live_[A-Za-z0-9]{14})(?:${POSITIONAL}|${NAMED})(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_])`, 'i'),
  minEntropy: 3.5,
  validate: checkKeySecret,
  remediation:
    'Regenerate the live key in the Razorpay Dashboard (Account & Settings → API keys → Regenerate key, https://dashboard.razorpay.com/app/website-app-settings/api-keys), deploy the new secret, and review recent payments, refunds and payouts.',
  samples: {
    positive: [
      'RAZORPAY_KEY_ID=rzp_live_sFvK3cbOWG8knM\nRAZORPAY_KEY_SECRET=zzGv8WPfavSKQbNFtsAsq4hO',
      'client = razorpay.Client(auth=("rzp_live_UBFYEUFHPY5Eol", "ptYdK8wlNS5ggI7JH41ubbRo"))',
      "const instance = new Razorpay({\n  key_id: 'rzp_live_5QXc40dyD1BoeB',\n  key_secret: 'GrHB5ATSEKnOLF3pVci4Zd39',\n});",
    ],
    negative: [
      // Test mode.
      'RAZORPAY_KEY_ID=rzp_test_sFvK3cbOWG8knM\nRAZORPAY_KEY_SECRET=zzGv8WPfavSKQbNFtsAsq4hO',
      // The key id alone is public (Checkout sends it to the browser).
      "var options = { key: 'rzp_live_UBFYEUFHPY5Eol', amount: 50000, currency: 'INR' };",
      'RAZORPAY_KEY_ID=rzp_live_5QXc40dyD1BoeB\nRAZORPAY_KEY_SECRET=your_razorpay_key_secret',
      'RAZORPAY_KEY_ID=rzp_live_5QXc40dyD1BoeB\nRAZORPAY_KEY_SECRET=RazorpayKeySecretForProd',
    ],
  },
};

export const razorpay: ProviderDefinition = { id: 'razorpay', name: 'Razorpay', rules: [keySecret] };
