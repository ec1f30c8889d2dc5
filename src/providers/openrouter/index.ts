// OpenRouter API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { openrouter } from './rules.js';

export const openrouterProvider: ProviderModule = { detection: openrouter };
