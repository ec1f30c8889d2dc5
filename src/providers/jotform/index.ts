// Jotform API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { jotform } from './rules.js';

export const jotformProvider: ProviderModule = { detection: jotform };
