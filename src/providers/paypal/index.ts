// PayPal REST app client secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { paypal } from './rules.js';

export const paypalProvider: ProviderModule = { detection: paypal };
