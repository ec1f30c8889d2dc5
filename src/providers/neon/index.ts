// Neon API keys: detected and reported; revoked by hand in the Neon Console.
import type { ProviderModule } from '../provider.js';
import { neon } from './rules.js';

export const neonProvider: ProviderModule = { detection: neon };
