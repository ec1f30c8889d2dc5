// Zoom app client secrets (Server-to-Server OAuth and OAuth apps, https://developers.zoom.us/docs/internal-apps/s2s-oauth/;
// also the secret of the retired JWT apps): 32 base62 characters, with a client id of 22 characters
// beside them. "zoom" is everywhere in UI code (zoom levels), so the keywords are the secret's
// names (ZOOM_CLIENT_SECRET, zoomApiSecret, zoom.sdk_secret…), not the word.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

const KINDS = ['client', 'api', 'sdk', 'oauth'];
const SEPARATORS = ['_', '-', '.', ''];

function checkSecret({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[a-z]/.test(secret) && /[A-Z]/.test(secret)
    ? { valid: true }
    : { valid: false, reason: 'not a mix of upper case, lower case and digits' };
}

const clientSecret: Rule = {
  id: 'zoom-client-secret',
  provider: 'zoom',
  title: 'Zoom app client secret',
  severity: 'high',
  keywords: KINDS.flatMap((kind) => SEPARATORS.map((separator) => `zoom${separator}${kind}`)),
  keywordsIgnoreCase: true,
  window: { before: 0, after: 90 },
  pattern: new RegExp(String.raw`zoom[_.-]?(?:client|api|sdk|oauth)[_.-]?(?:client[_.-]?)?secret[\w.-]{0,8}?${ASSIGN_OR_ARGUMENT}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.5,
  validate: checkSecret,
  remediation:
    'Regenerate the client secret in the Zoom App Marketplace (Manage → the app → App Credentials → Regenerate, https://marketplace.zoom.us/user/build), deploy it, and review the account\'s meetings, recordings and users for changes you did not make.',
  samples: {
    positive: [
      'ZOOM_ACCOUNT_ID=q8Hn2vLbQpWk7s4M5C2RTq\nZOOM_CLIENT_ID=Xk3pQ9vR2mWzT7nLcY4bHa\nZOOM_CLIENT_SECRET=ojWLYRs4N7eW3BfGCATCfzBU2khcWmQ5',
      "const zoomApiSecret = 'Dmo48SSMxyIqB0RSJTw40DQgHKZUOAgG';",
    ],
    negative: [
      'ZOOM_CLIENT_SECRET=your_client_secret',
      'ZOOM_CLIENT_SECRET=...',
      // The client id.
      'ZOOM_CLIENT_ID=Xk3pQ9vR2mWzT7nLcY4bHa',
      // Not Zoom's.
      'CLIENT_SECRET=zeSbFLthBqOaCEIagkiTtlqxFx6YvZd0',
      'ZOOM_CLIENT_SECRET=zeSbFLthBqOaCEIagkiTtlqxFx6YvZd',
    ],
  },
};

export const zoom: ProviderDefinition = { id: 'zoom', name: 'Zoom', rules: [clientSecret] };
