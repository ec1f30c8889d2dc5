// PyPI upload tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { pypi } from './rules.js';

export const pypiProvider: ProviderModule = { detection: pypi };
