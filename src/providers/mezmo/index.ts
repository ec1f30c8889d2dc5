// Mezmo (LogDNA) ingestion keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mezmo } from './rules.js';

export const mezmoProvider: ProviderModule = { detection: mezmo };
