// Atlassian Cloud API tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { atlassian } from './rules.js';

export const atlassianProvider: ProviderModule = { detection: atlassian };
