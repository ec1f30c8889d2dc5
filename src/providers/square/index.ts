// Square access tokens and application secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { square } from './rules.js';

export const squareProvider: ProviderModule = { detection: square };
