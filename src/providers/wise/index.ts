// Wise API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { wise } from './rules.js';

export const wiseProvider: ProviderModule = { detection: wise };
