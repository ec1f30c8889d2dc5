// Opsgenie API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { opsgenie } from './rules.js';

export const opsgenieProvider: ProviderModule = { detection: opsgenie };
