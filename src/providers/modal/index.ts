// Modal: detected only; revoked by hand (see the rule's remediation).
// Modal tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { modal } from './rules.js';

export const modalProvider: ProviderModule = { detection: modal };
