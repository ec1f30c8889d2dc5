// Plivo auth tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { plivo } from './rules.js';

export const plivoProvider: ProviderModule = { detection: plivo };
