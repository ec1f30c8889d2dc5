// DocuSign app secret keys (https://developers.docusign.com/platform/auth/authcode/): an app (its
// integration key, a UUID) authenticates with a secret key that is also a UUID. A UUID is no secret
// by its shape, so it counts only under a DocuSign secret name (DOCUSIGN_SECRET_KEY,
// docusignClientSecret...). The integration key alone is an identifier, and JWT-grant apps sign with
// an RSA key that the private-key rule finds.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { TOKEN_END } from '../boundaries.js';

const secretKey: Rule = {
  id: 'docusign-secret-key',
  provider: 'docusign',
  title: 'DocuSign app secret key',
  severity: 'high',
  keywords: ['docusign'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 120 },
  pattern: new RegExp(
    String.raw`docusign[A-Za-z0-9_.-]{0,20}?(?:secret[_-]?key|client[_-]?secret|secret)["']?\s{0,5}(?:[:=]|=>)\s{0,5}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})${TOKEN_END}`,
    'i',
  ),
  minEntropy: 3,
  remediation:
    "Delete the secret key in DocuSign (Apps and Keys → the app → Actions → Edit → Secret keys, https://admindemo.docusign.com/apps-and-keys for developer accounts), add a new one, and deploy it.",
  samples: {
    positive: ['DOCUSIGN_INTEGRATION_KEY=10a6ce01-e93a-4eb1-a351-f70a3efeac69\nDOCUSIGN_SECRET_KEY=51f81685-c2d8-4bd9-aca5-d41cf91c7905', 'docusign:\n  client_id: 3c1e5f0a-7b2d-4e89-9f61-0a4d8c2b7e53\n  docusignClientSecret: "ff7de888-a3eb-4f99-a43c-b1933101576f"'],
    negative: [
      // The integration key is an identifier.
      'DOCUSIGN_INTEGRATION_KEY=10a6ce01-e93a-4eb1-a351-f70a3efeac69',
      'DOCUSIGN_SECRET_KEY=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'DOCUSIGN_SECRET_KEY=<your secret key>',
      'SECRET_KEY=51f81685-c2d8-4bd9-aca5-d41cf91c7905',
    ],
  },
};

export const docusign: ProviderDefinition = { id: 'docusign', name: 'DocuSign', rules: [secretKey] };
