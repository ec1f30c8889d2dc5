// Miro access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { miro } from './rules.js';

export const miroProvider: ProviderModule = { detection: miro };
