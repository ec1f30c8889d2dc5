// Calendly personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { calendly } from './rules.js';

export const calendlyProvider: ProviderModule = { detection: calendly };
