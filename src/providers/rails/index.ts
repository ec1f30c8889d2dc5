// Rails secret_key_base values: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { rails } from './rules.js';

export const railsProvider: ProviderModule = { detection: rails };
