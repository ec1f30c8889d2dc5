// Contentful tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { contentful } from './rules.js';

export const contentfulProvider: ProviderModule = { detection: contentful };
