// Airtable personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { airtable } from './rules.js';

export const airtableProvider: ProviderModule = { detection: airtable };
