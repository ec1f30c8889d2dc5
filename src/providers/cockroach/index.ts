// CockroachDB Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { cockroach } from './rules.js';

export const cockroachProvider: ProviderModule = { detection: cockroach };
