// Laravel APP_KEY values: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { laravel } from './rules.js';

export const laravelProvider: ProviderModule = { detection: laravel };
