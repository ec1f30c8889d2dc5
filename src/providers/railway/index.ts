// Railway API tokens: detected and reported; deleted by hand in the dashboard.
import type { ProviderModule } from '../provider.js';
import { railway } from './rules.js';

export const railwayProvider: ProviderModule = { detection: railway };
