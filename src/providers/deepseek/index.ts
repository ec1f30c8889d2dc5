// DeepSeek API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { deepseek } from './rules.js';

export const deepseekProvider: ProviderModule = { detection: deepseek };
