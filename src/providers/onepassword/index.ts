// 1Password service account tokens and Secret Keys: detection only.
import type { ProviderModule } from '../provider.js';
import { onepassword } from './rules.js';

export const onepasswordProvider: ProviderModule = { detection: onepassword };
