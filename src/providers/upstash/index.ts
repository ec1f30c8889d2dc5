// Upstash QStash and Redis REST tokens: detected and reported; reset by hand in the Upstash Console.
import type { ProviderModule } from '../provider.js';
import { upstash } from './rules.js';

export const upstashProvider: ProviderModule = { detection: upstash };
