// Snowflake: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { snowflake } from './rules.js';

export const snowflakeProvider: ProviderModule = { detection: snowflake };
