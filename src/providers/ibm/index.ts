// IBM Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { ibm } from './rules.js';

export const ibmProvider: ProviderModule = { detection: ibm };
