// Docker config.json registry credentials: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { dockerConfig } from './rules.js';

export const dockerConfigProvider: ProviderModule = { detection: dockerConfig };
