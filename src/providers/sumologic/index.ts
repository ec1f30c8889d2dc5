// Sumo Logic access keys and HTTP source URLs: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { sumologic } from './rules.js';

export const sumologicProvider: ProviderModule = { detection: sumologic };
