// Paddle Billing live API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { paddle } from './rules.js';

export const paddleProvider: ProviderModule = { detection: paddle };
