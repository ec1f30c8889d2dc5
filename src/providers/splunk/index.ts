// Splunk tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { splunk } from './rules.js';

export const splunkProvider: ProviderModule = { detection: splunk };
