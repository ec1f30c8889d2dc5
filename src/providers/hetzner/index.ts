// Hetzner Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { hetzner } from './rules.js';

export const hetznerProvider: ProviderModule = { detection: hetzner };
