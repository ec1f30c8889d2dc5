// Microsoft Entra ID client secrets: detected and reported; deleted by hand in the Entra admin center.
import type { ProviderModule } from '../provider.js';
import { azureEntra } from './rules.js';

export const azureEntraProvider: ProviderModule = { detection: azureEntra };
