// Travis CI: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { travis } from './rules.js';

export const travisProvider: ProviderModule = { detection: travis };
