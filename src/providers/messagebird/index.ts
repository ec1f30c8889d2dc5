// MessageBird (Bird) access keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { messagebird } from './rules.js';

export const messagebirdProvider: ProviderModule = { detection: messagebird };
