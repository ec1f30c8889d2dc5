// Bitwarden Secrets Manager access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { bitwarden } from './rules.js';

export const bitwardenProvider: ProviderModule = { detection: bitwarden };
