// NVIDIA API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { nvidia } from './rules.js';

export const nvidiaProvider: ProviderModule = { detection: nvidia };
