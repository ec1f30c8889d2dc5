// Rollbar access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { rollbar } from './rules.js';

export const rollbarProvider: ProviderModule = { detection: rollbar };
