// Razorpay live key secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { razorpay } from './rules.js';

export const razorpayProvider: ProviderModule = { detection: razorpay };
