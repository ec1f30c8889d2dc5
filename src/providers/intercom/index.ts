// Intercom access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { intercom } from './rules.js';

export const intercomProvider: ProviderModule = { detection: intercom };
