// Django SECRET_KEY values: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { django } from './rules.js';

export const djangoProvider: ProviderModule = { detection: django };
