// Algolia Admin API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { algolia } from './rules.js';

export const algoliaProvider: ProviderModule = { detection: algolia };
