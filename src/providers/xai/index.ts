// xAI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { xai } from './rules.js';

export const xaiProvider: ProviderModule = { detection: xai };
