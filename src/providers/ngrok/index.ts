// ngrok authtokens and API keys: detection only.
import type { ProviderModule } from '../provider.js';
import { ngrok } from './rules.js';

export const ngrokProvider: ProviderModule = { detection: ngrok };
