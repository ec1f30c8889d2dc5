// Flutterwave live secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { flutterwave } from './rules.js';

export const flutterwaveProvider: ProviderModule = { detection: flutterwave };
