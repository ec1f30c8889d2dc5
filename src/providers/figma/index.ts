// Figma personal access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { figma } from './rules.js';

export const figmaProvider: ProviderModule = { detection: figma };
