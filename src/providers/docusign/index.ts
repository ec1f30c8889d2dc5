// DocuSign app secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { docusign } from './rules.js';

export const docusignProvider: ProviderModule = { detection: docusign };
