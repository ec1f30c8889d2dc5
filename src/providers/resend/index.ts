// Resend API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { resend } from './rules.js';

export const resendProvider: ProviderModule = { detection: resend };
