// Checkout.com secret API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { checkoutCom } from './rules.js';

export const checkoutComProvider: ProviderModule = { detection: checkoutCom };
