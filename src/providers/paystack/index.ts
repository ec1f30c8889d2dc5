// Paystack live secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { paystack } from './rules.js';

export const paystackProvider: ProviderModule = { detection: paystack };
