// ClickUp personal API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { clickup } from './rules.js';

export const clickupProvider: ProviderModule = { detection: clickup };
