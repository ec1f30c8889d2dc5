// Auth0 client secrets and Management API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { auth0 } from './rules.js';

export const auth0Provider: ProviderModule = { detection: auth0 };
