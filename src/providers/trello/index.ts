// Trello user tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { trello } from './rules.js';

export const trelloProvider: ProviderModule = { detection: trello };
