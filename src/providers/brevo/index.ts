// Brevo API and SMTP keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { brevo } from './rules.js';

export const brevoProvider: ProviderModule = { detection: brevo };
