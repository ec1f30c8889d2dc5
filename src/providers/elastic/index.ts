// Elastic: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { elastic } from './rules.js';

export const elasticProvider: ProviderModule = { detection: elastic };
