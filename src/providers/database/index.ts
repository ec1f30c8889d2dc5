// Database connection strings with a real password: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { database } from './rules.js';

export const databaseProvider: ProviderModule = { detection: database };
