// Vercel tokens and API keys: detected and reported; revoked by hand on the Account Tokens page.
import type { ProviderModule } from '../provider.js';
import { vercel } from './rules.js';

export const vercelProvider: ProviderModule = { detection: vercel };
