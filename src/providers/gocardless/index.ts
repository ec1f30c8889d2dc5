// GoCardless live access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { gocardless } from './rules.js';

export const gocardlessProvider: ProviderModule = { detection: gocardless };
