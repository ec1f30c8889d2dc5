// Replicate API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { replicate } from './rules.js';

export const replicateProvider: ProviderModule = { detection: replicate };
