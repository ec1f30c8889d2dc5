// Laravel's APP_KEY (https://laravel.com/docs/encryption#configuration): the encrypter's key for
// cookies, sessions and Crypt. `php artisan key:generate` writes `base64:` and the base64 of 32 random
// bytes (AES-256-CBC, the default cipher) to .env; validate() decodes it to those 32 bytes.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const KEY_BYTES = 32;

const appKey: Rule = {
  id: 'laravel-app-key',
  provider: 'laravel',
  title: 'Laravel APP_KEY',
  severity: 'high',
  keywords: ['APP_KEY'],
  prefixes: ['base64:'],
  window: { before: 0, after: 80 },
  anchor: 'keyword',
  // APP_KEY=base64:… in .env, 'APP_KEY' => '…' in an array, env('APP_KEY', '…') as a fallback.
  pattern: /APP_KEY["']?[ \t]{0,8}(?:=>|=|:|,)[ \t]{0,8}["']?(?<secret>base64:[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/,
  validate: ({ secret }) => {
    const key = Buffer.from(secret.slice('base64:'.length), 'base64');
    if (key.length !== KEY_BYTES) return { valid: false, reason: `decodes to ${key.length} bytes, not ${KEY_BYTES}` };
    if (new Set(key).size < 16) return { valid: false, reason: 'too few distinct bytes to be random' };
    return { valid: true, confidence: 'structure' };
  },
  remediation:
    'Run `php artisan key:generate` for each environment, keeping the old key in APP_PREVIOUS_KEYS while sessions and encrypted values migrate, and re-encrypt what Crypt stored with it: whoever has the key can forge cookies and decrypt that data.',
  samples: {
    positive: [
      'APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=base64:jthZ2K0IYTIxCTE4nUqeb9jK/fsgCiJ8cBKuGJZ8pSc=\nAPP_DEBUG=false',
      "'key' => env('APP_KEY', 'base64:dKuiodMW13fY96rJO9lyRwcA/bsnG5S4JQrVnSmaUDY='),",
    ],
    negative: [
      'APP_KEY=',
      // 16 bytes.
      'APP_KEY=base64:kbBUwB154AcUCoQqWHFBYQ==',
      'APP_KEY=base64:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      "'key' => env('APP_KEY'),",
    ],
  },
};

export const laravel: ProviderDefinition = { id: 'laravel', name: 'Laravel', rules: [appKey] };
