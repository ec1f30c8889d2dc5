// Scaleway API secret keys: detected and reported; deleted by hand in the IAM console.
import type { ProviderModule } from '../provider.js';
import { scaleway } from './rules.js';

export const scalewayProvider: ProviderModule = { detection: scaleway };
