// Adyen API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { adyen } from './rules.js';

export const adyenProvider: ProviderModule = { detection: adyen };
