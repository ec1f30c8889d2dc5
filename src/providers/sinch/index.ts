// Sinch SMS API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { sinch } from './rules.js';

export const sinchProvider: ProviderModule = { detection: sinch };
