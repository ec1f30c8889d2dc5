// Storyblok access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { storyblok } from './rules.js';

export const storyblokProvider: ProviderModule = { detection: storyblok };
