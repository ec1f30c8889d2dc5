// Prefect: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { prefect } from './rules.js';

export const prefectProvider: ProviderModule = { detection: prefect };
