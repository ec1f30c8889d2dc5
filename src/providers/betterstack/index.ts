// Better Stack tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { betterstack } from './rules.js';

export const betterstackProvider: ProviderModule = { detection: betterstack };
