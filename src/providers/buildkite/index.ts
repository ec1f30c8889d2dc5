// Buildkite API access and agent session tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { buildkite } from './rules.js';

export const buildkiteProvider: ProviderModule = { detection: buildkite };
