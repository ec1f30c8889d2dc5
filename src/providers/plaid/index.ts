// Plaid API secrets and access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { plaid } from './rules.js';

export const plaidProvider: ProviderModule = { detection: plaid };
