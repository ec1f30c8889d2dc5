// Cloudflare API tokens, Global API Keys and Origin CA keys: detected and reported; rolled by hand in the dashboard.
import type { ProviderModule } from '../provider.js';
import { cloudflare } from './rules.js';

export const cloudflareProvider: ProviderModule = { detection: cloudflare };
