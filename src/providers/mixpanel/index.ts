// Mixpanel service account secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mixpanel } from './rules.js';

export const mixpanelProvider: ProviderModule = { detection: mixpanel };
