// crates.io API tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { cratesio } from './rules.js';

export const cratesioProvider: ProviderModule = { detection: cratesio };
