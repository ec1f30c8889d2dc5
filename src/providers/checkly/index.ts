// Checkly API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { checkly } from './rules.js';

export const checklyProvider: ProviderModule = { detection: checkly };
