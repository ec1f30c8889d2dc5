// Microsoft Teams incoming webhook and workflow URLs: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { microsoftTeams } from './rules.js';

export const microsoftTeamsProvider: ProviderModule = { detection: microsoftTeams };
