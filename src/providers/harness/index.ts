// Harness: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { harness } from './rules.js';

export const harnessProvider: ProviderModule = { detection: harness };
