// Vonage API secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { vonage } from './rules.js';

export const vonageProvider: ProviderModule = { detection: vonage };
