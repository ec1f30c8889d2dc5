// Infisical service tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { infisical } from './rules.js';

export const infisicalProvider: ProviderModule = { detection: infisical };
