// Sanity API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { sanity } from './rules.js';

export const sanityProvider: ProviderModule = { detection: sanity };
