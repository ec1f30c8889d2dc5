// Typeform personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { typeform } from './rules.js';

export const typeformProvider: ProviderModule = { detection: typeform };
