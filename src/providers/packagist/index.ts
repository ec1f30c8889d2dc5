// Private Packagist: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { packagist } from './rules.js';

export const packagistProvider: ProviderModule = { detection: packagist };
