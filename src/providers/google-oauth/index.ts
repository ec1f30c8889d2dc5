// Google OAuth client secrets: detected and reported; rotated by hand on the OAuth client's page.
import type { ProviderModule } from '../provider.js';
import { googleOauth } from './rules.js';

export const googleOauthProvider: ProviderModule = { detection: googleOauth };
