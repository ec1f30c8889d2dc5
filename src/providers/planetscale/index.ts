// PlanetScale: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { planetscale } from './rules.js';

export const planetscaleProvider: ProviderModule = { detection: planetscale };
