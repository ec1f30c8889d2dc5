// Kubernetes service account tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { kubernetes } from './rules.js';

export const kubernetesProvider: ProviderModule = { detection: kubernetes };
