// PostHog personal API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { posthog } from './rules.js';

export const posthogProvider: ProviderModule = { detection: posthog };
