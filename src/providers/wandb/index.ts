// Weights & Biases API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { wandb } from './rules.js';

export const wandbProvider: ProviderModule = { detection: wandb };
