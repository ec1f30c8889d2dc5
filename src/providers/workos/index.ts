// WorkOS API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { workos } from './rules.js';

export const workosProvider: ProviderModule = { detection: workos };
