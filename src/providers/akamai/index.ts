// Akamai: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { akamai } from './rules.js';

export const akamaiProvider: ProviderModule = { detection: akamai };
