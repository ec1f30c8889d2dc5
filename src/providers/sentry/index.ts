// Sentry auth tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { sentry } from './rules.js';

export const sentryProvider: ProviderModule = { detection: sentry };
