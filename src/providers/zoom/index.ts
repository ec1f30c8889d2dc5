// Zoom app client secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { zoom } from './rules.js';

export const zoomProvider: ProviderModule = { detection: zoom };
