// JFrog Platform reference tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { jfrog } from './rules.js';

export const jfrogProvider: ProviderModule = { detection: jfrog };
