// ElevenLabs API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { elevenlabs } from './rules.js';

export const elevenlabsProvider: ProviderModule = { detection: elevenlabs };
