// Groq API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { groq } from './rules.js';

export const groqProvider: ProviderModule = { detection: groq };
