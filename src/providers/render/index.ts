// Render API keys: detected and reported; revoked by hand in the account settings.
import type { ProviderModule } from '../provider.js';
import { render } from './rules.js';

export const renderProvider: ProviderModule = { detection: render };
