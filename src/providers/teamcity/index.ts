// JetBrains TeamCity: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { teamcity } from './rules.js';

export const teamcityProvider: ProviderModule = { detection: teamcity };
