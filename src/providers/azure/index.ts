// Azure storage account keys and SAS tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { azure } from './rules.js';

export const azureProvider: ProviderModule = { detection: azure };
