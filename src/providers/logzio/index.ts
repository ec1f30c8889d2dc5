// Logz.io tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { logzio } from './rules.js';

export const logzioProvider: ProviderModule = { detection: logzio };
