// Box client secrets and developer tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { box } from './rules.js';

export const boxProvider: ProviderModule = { detection: box };
