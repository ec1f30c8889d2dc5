// Perplexity API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { perplexity } from './rules.js';

export const perplexityProvider: ProviderModule = { detection: perplexity };
