// Shopify access tokens and shared secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { shopify } from './rules.js';

export const shopifyProvider: ProviderModule = { detection: shopify };
