// Codecov upload tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { codecov } from './rules.js';

export const codecovProvider: ProviderModule = { detection: codecov };
