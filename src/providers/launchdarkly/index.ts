// LaunchDarkly access tokens and SDK keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { launchdarkly } from './rules.js';

export const launchdarklyProvider: ProviderModule = { detection: launchdarkly };
