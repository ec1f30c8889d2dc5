// NuGet.org API keys: detection only.
import type { ProviderModule } from '../provider.js';
import { nuget } from './rules.js';

export const nugetProvider: ProviderModule = { detection: nuget };
