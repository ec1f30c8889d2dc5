// Deno Deploy: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { deno } from './rules.js';

export const denoProvider: ProviderModule = { detection: deno };
