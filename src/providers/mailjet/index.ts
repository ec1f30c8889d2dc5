// Mailjet API secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mailjet } from './rules.js';

export const mailjetProvider: ProviderModule = { detection: mailjet };
