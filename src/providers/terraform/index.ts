// HCP Terraform / Terraform Enterprise API tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { terraform } from './rules.js';

export const terraformProvider: ProviderModule = { detection: terraform };
