// Clerk secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { clerk } from './rules.js';

export const clerkProvider: ProviderModule = { detection: clerk };
