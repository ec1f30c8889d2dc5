// PagerDuty keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { pagerduty } from './rules.js';

export const pagerdutyProvider: ProviderModule = { detection: pagerduty };
