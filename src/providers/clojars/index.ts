// Clojars: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { clojars } from './rules.js';

export const clojarsProvider: ProviderModule = { detection: clojars };
