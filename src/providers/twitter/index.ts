// X (Twitter) bearer tokens and API secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { twitter } from './rules.js';

export const twitterProvider: ProviderModule = { detection: twitter };
