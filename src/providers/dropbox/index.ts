// Dropbox access tokens: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { dropbox } from './rules.js';

export const dropboxProvider: ProviderModule = { detection: dropbox };
