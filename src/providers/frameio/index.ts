// Frame.io developer tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { frameio } from './rules.js';

export const frameioProvider: ProviderModule = { detection: frameio };
