// Notion API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { notion } from './rules.js';

export const notionProvider: ProviderModule = { detection: notion };
