// Snyk API tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { snyk } from './rules.js';

export const snykProvider: ProviderModule = { detection: snyk };
