// Segment Public API tokens and write keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { segment } from './rules.js';

export const segmentProvider: ProviderModule = { detection: segment };
