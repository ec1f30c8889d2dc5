// AssemblyAI API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { assemblyai } from './rules.js';

export const assemblyaiProvider: ProviderModule = { detection: assemblyai };
