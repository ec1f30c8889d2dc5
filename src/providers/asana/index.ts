// Asana personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { asana } from './rules.js';

export const asanaProvider: ProviderModule = { detection: asana };
