// Pulumi Cloud access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { pulumi } from './rules.js';

export const pulumiProvider: ProviderModule = { detection: pulumi };
