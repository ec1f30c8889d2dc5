// Passwords in URLs (basic auth, git credential stores, FTP, SMTP): detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { urlCredentials } from './rules.js';

export const urlCredentialsProvider: ProviderModule = { detection: urlCredentials };
