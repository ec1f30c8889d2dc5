// RubyGems.org API keys: detection only.
import type { ProviderModule } from '../provider.js';
import { rubygems } from './rules.js';

export const rubygemsProvider: ProviderModule = { detection: rubygems };
