// Voyage AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { voyage } from './rules.js';

export const voyageProvider: ProviderModule = { detection: voyage };
