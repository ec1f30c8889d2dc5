// .pypirc passwords: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { pypirc } from './rules.js';

export const pypircProvider: ProviderModule = { detection: pypirc };
