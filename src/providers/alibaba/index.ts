// Alibaba Cloud AccessKey pairs: detected and reported; disabled and deleted by hand in the RAM console.
import type { ProviderModule } from '../provider.js';
import { alibaba } from './rules.js';

export const alibabaProvider: ProviderModule = { detection: alibaba };
