// Fly.io API tokens: detected and reported; revoked by hand with `fly tokens revoke`.
import type { ProviderModule } from '../provider.js';
import { fly } from './rules.js';

export const flyProvider: ProviderModule = { detection: fly };
