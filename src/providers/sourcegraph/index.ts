// Sourcegraph access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { sourcegraph } from './rules.js';

export const sourcegraphProvider: ProviderModule = { detection: sourcegraph };
