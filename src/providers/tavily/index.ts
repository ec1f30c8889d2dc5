// Tavily API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { tavily } from './rules.js';

export const tavilyProvider: ProviderModule = { detection: tavily };
