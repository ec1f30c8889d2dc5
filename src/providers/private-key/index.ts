// Private keys (PEM, OpenSSH, PGP): detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { privateKey } from './rules.js';

export const privateKeyProvider: ProviderModule = { detection: privateKey };
