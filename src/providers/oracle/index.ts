// Oracle Cloud (OCI): detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { oracle } from './rules.js';

export const oracleProvider: ProviderModule = { detection: oracle };
