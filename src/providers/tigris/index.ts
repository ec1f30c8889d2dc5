// Tigris: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { tigris } from './rules.js';

export const tigrisProvider: ProviderModule = { detection: tigris };
