// Xata: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { xata } from './rules.js';

export const xataProvider: ProviderModule = { detection: xata };
