// monday.com personal API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { monday } from './rules.js';

export const mondayProvider: ProviderModule = { detection: monday };
