// Webflow API tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { webflow } from './rules.js';

export const webflowProvider: ProviderModule = { detection: webflow };
