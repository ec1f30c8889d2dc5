// Langfuse secret keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { langfuse } from './rules.js';

export const langfuseProvider: ProviderModule = { detection: langfuse };
