// Stytch project secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { stytch } from './rules.js';

export const stytchProvider: ProviderModule = { detection: stytch };
