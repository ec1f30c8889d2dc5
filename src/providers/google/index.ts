// Google API keys and GCP service-account keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { google } from './rules.js';

export const googleProvider: ProviderModule = { detection: google };
