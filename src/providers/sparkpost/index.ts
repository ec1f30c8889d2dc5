// SparkPost API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { sparkpost } from './rules.js';

export const sparkpostProvider: ProviderModule = { detection: sparkpost };
