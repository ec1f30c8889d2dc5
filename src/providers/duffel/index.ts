// Duffel live access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { duffel } from './rules.js';

export const duffelProvider: ProviderModule = { detection: duffel };
