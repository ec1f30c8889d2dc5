// Honeycomb API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { honeycomb } from './rules.js';

export const honeycombProvider: ProviderModule = { detection: honeycomb };
