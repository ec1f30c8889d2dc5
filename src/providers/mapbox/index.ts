// Mapbox secret access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mapbox } from './rules.js';

export const mapboxProvider: ProviderModule = { detection: mapbox };
