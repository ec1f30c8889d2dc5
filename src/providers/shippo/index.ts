// Shippo live API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { shippo } from './rules.js';

export const shippoProvider: ProviderModule = { detection: shippo };
