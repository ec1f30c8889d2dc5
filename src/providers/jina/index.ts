// Jina AI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { jina } from './rules.js';

export const jinaProvider: ProviderModule = { detection: jina };
