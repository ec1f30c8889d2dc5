// Mapbox secret access tokens (https://docs.mapbox.com/api/accounts/tokens/#token-format): JWT-like,
// `sk.` then a base64url JSON payload naming the user (`{"u":"<username>","a":"<token id>"}`), a
// dot, and a signature. Public tokens (`pk.`) are meant for browsers and are not findings; temporary
// ones (`tk.`) expire within an hour. validate() decodes the payload and reports the username.
import { decodeBase64Url } from '../../detect/checksum.js';
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function checkPayload({ secret }: Candidate): Validation {
  const bytes = decodeBase64Url(secret.split('.')[1] ?? '');
  if (!bytes) return { valid: false, reason: 'payload is not base64url' };
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { valid: false, reason: 'payload is not JSON' };
  }
  const { u, a } = (payload ?? {}) as { u?: unknown; a?: unknown };
  if (typeof u !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(u) || typeof a !== 'string') return { valid: false, reason: 'payload names no Mapbox user and token' };
  return { valid: true, confidence: 'structure', details: { account: u } };
}

const secretToken: Rule = {
  id: 'mapbox-secret-token',
  provider: 'mapbox',
  title: 'Mapbox secret access token',
  severity: 'high',
  keywords: ['sk.eyJ'],
  prefixes: ['sk.'],
  window: { before: 0, after: 300 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,60})${TOKEN_END}`),
  validate: checkPayload,
  remediation:
    'Delete the token on the Mapbox access tokens page (https://console.mapbox.com/account/access-tokens/) or through the Tokens API, create one with only the scopes needed, and check the account\'s styles, tilesets and uploads for changes.',
  samples: {
    positive: [
      'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Ing2Y2Nsam5ta29lZzFmb2t0Nmlvb2JxZWoifQ.NTavQU9qyUonarY1yeFjEI',
      'MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6InVzYmdqaDJ2emFyZTJobndjdXdsMHgxMGMifQ.FpaPuyv_arMPnUDKF9jdnv',
    ],
    negative: [
      // A public token: meant to be in the browser.
      "mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6IjFyNHJhaDdwNHF2bDd3Y3NjYXMyZjdwM2wifQ.RY5DTJiWBYeOkbVaYagxUk';",
      'MAPBOX_SECRET_TOKEN=sk.eyJ...',
      'MAPBOX_SECRET_TOKEN=<your secret token>',
      // The payload cut: not JSON.
      'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Ing2Y2Nsam5ta29lZz.NTavQU9qyUonarY1yeFjEI',
    ],
  },
};

export const mapbox: ProviderDefinition = { id: 'mapbox', name: 'Mapbox', rules: [secretToken] };
