// Exoscale: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { exoscale } from './rules.js';

export const exoscaleProvider: ProviderModule = { detection: exoscale };
