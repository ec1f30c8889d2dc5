// Octopus Deploy: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { octopus } from './rules.js';

export const octopusProvider: ProviderModule = { detection: octopus };
