// Confluent Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { confluent } from './rules.js';

export const confluentProvider: ProviderModule = { detection: confluent };
