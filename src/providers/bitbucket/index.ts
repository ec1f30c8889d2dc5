// Bitbucket Cloud access tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { bitbucket } from './rules.js';

export const bitbucketProvider: ProviderModule = { detection: bitbucket };
