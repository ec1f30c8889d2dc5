// Mollie live API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mollie } from './rules.js';

export const mollieProvider: ProviderModule = { detection: mollie };
