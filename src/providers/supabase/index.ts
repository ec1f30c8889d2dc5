// Supabase secret keys and legacy service_role JWTs: detected and reported; rotated by hand in the project's API settings.
import type { ProviderModule } from '../provider.js';
import { supabase } from './rules.js';

export const supabaseProvider: ProviderModule = { detection: supabase };
