// Pusher Channels app secrets: detected and reported with a remediation checklist; leakstop has no response for them.
import type { ProviderModule } from '../provider.js';
import { pusher } from './rules.js';

export const pusherProvider: ProviderModule = { detection: pusher };
