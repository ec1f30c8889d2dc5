// ReadMe API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { readme } from './rules.js';

export const readmeProvider: ProviderModule = { detection: readme };
