// .netrc login entries: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { netrc } from './rules.js';

export const netrcProvider: ProviderModule = { detection: netrc };
