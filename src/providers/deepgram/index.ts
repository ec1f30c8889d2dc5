// Deepgram API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { deepgram } from './rules.js';

export const deepgramProvider: ProviderModule = { detection: deepgram };
