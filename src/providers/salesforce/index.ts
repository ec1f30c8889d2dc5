// Salesforce access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { salesforce } from './rules.js';

export const salesforceProvider: ProviderModule = { detection: salesforce };
