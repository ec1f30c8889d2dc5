// Contentstack tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { contentstack } from './rules.js';

export const contentstackProvider: ProviderModule = { detection: contentstack };
