// Axiom API and personal tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { axiom } from './rules.js';

export const axiomProvider: ProviderModule = { detection: axiom };
