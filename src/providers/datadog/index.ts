// Datadog API and application keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { datadog } from './rules.js';

export const datadogProvider: ProviderModule = { detection: datadog };
