// Tailscale API tokens, auth keys, OAuth client, SCIM and webhook secrets: detection only.
import type { ProviderModule } from '../provider.js';
import { tailscale } from './rules.js';

export const tailscaleProvider: ProviderModule = { detection: tailscale };
