// Dynatrace access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { dynatrace } from './rules.js';

export const dynatraceProvider: ProviderModule = { detection: dynatrace };
