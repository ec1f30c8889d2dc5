// Coinbase Developer Platform secret API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { coinbase } from './rules.js';

export const coinbaseProvider: ProviderModule = { detection: coinbase };
