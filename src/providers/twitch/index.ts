// Twitch OAuth tokens and client secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { twitch } from './rules.js';

export const twitchProvider: ProviderModule = { detection: twitch };
