// Postmark server and account tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { postmark } from './rules.js';

export const postmarkProvider: ProviderModule = { detection: postmark };
