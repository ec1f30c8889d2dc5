// Together AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { together } from './rules.js';

export const togetherProvider: ProviderModule = { detection: together };
