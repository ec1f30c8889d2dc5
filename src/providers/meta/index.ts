// Meta access tokens and app secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { meta } from './rules.js';

export const metaProvider: ProviderModule = { detection: meta };
