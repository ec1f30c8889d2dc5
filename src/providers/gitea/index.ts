// Gitea access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { gitea } from './rules.js';

export const giteaProvider: ProviderModule = { detection: gitea };
