// Netlify tokens: detected and reported; revoked by hand in the user's applications settings.
import type { ProviderModule } from '../provider.js';
import { netlify } from './rules.js';

export const netlifyProvider: ProviderModule = { detection: netlify };
