// Linode personal access tokens: detected and reported; revoked by hand in Cloud Manager.
import type { ProviderModule } from '../provider.js';
import { linode } from './rules.js';

export const linodeProvider: ProviderModule = { detection: linode };
