// Grafana Cloud and service-account tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { grafana } from './rules.js';

export const grafanaProvider: ProviderModule = { detection: grafana };
