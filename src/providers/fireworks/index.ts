// Fireworks AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { fireworks } from './rules.js';

export const fireworksProvider: ProviderModule = { detection: fireworks };
