// Okta API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { okta } from './rules.js';

export const oktaProvider: ProviderModule = { detection: okta };
