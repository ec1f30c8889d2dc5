// Lemon Squeezy API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { lemonsqueezy } from './rules.js';

export const lemonsqueezyProvider: ProviderModule = { detection: lemonsqueezy };
