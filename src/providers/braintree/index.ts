// Braintree (PayPal) access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { braintree } from './rules.js';

export const braintreeProvider: ProviderModule = { detection: braintree };
