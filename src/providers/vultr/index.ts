// Vultr: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { vultr } from './rules.js';

export const vultrProvider: ProviderModule = { detection: vultr };
