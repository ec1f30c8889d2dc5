// Scalingo: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { scalingo } from './rules.js';

export const scalingoProvider: ProviderModule = { detection: scalingo };
