// Ably API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { ably } from './rules.js';

export const ablyProvider: ProviderModule = { detection: ably };
