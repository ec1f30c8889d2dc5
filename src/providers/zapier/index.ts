// Zapier webhook URLs: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { zapier } from './rules.js';

export const zapierProvider: ProviderModule = { detection: zapier };
