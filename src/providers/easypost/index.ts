// EasyPost production API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { easypost } from './rules.js';

export const easypostProvider: ProviderModule = { detection: easypost };
