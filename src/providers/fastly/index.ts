// Fastly: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { fastly } from './rules.js';

export const fastlyProvider: ProviderModule = { detection: fastly };
