// Telnyx API keys: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { telnyx } from './rules.js';

export const telnyxProvider: ProviderModule = { detection: telnyx };
