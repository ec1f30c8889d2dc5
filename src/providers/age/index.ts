// age secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { age } from './rules.js';

export const ageProvider: ProviderModule = { detection: age };
