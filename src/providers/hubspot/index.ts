// HubSpot private app access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { hubspot } from './rules.js';

export const hubspotProvider: ProviderModule = { detection: hubspot };
