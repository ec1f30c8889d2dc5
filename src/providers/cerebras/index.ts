// Cerebras API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { cerebras } from './rules.js';

export const cerebrasProvider: ProviderModule = { detection: cerebras };
