// Infobip API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { infobip } from './rules.js';

export const infobipProvider: ProviderModule = { detection: infobip };
