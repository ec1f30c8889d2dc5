// MongoDB Atlas: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { mongodbAtlas } from './rules.js';

export const mongodbAtlasProvider: ProviderModule = { detection: mongodbAtlas };
