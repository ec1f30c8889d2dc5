// Mistral AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mistral } from './rules.js';

export const mistralProvider: ProviderModule = { detection: mistral };
