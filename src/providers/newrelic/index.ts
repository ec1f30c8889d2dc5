// New Relic API and license keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { newrelic } from './rules.js';

export const newrelicProvider: ProviderModule = { detection: newrelic };
