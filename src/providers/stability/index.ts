// Stability AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { stability } from './rules.js';

export const stabilityProvider: ProviderModule = { detection: stability };
