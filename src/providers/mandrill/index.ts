// Mandrill API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { mandrill } from './rules.js';

export const mandrillProvider: ProviderModule = { detection: mandrill };
