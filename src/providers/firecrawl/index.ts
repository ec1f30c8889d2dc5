// Firecrawl API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { firecrawl } from './rules.js';

export const firecrawlProvider: ProviderModule = { detection: firecrawl };
