// High-entropy values assigned to secret-like names: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { generic } from './rules.js';

export const genericProvider: ProviderModule = { detection: generic };
