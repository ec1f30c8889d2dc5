// Cohere API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { cohere } from './rules.js';

export const cohereProvider: ProviderModule = { detection: cohere };
