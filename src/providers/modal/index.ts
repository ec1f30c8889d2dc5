// Modal: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { modal } from './rules.js';

export const modalProvider: ProviderModule = { detection: modal };
