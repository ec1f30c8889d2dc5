// Azure DevOps personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { azureDevops } from './rules.js';

export const azureDevopsProvider: ProviderModule = { detection: azureDevops };
