// Mailchimp API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mailchimp } from './rules.js';

export const mailchimpProvider: ProviderModule = { detection: mailchimp };
