// LangSmith API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { langsmith } from './rules.js';

export const langsmithProvider: ProviderModule = { detection: langsmith };
