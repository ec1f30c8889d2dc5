// Docker Hub access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { docker } from './rules.js';

export const dockerProvider: ProviderModule = { detection: docker };
