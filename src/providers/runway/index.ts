// Runway API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { runway } from './rules.js';

export const runwayProvider: ProviderModule = { detection: runway };
