// Zendesk API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { zendesk } from './rules.js';

export const zendeskProvider: ProviderModule = { detection: zendesk };
