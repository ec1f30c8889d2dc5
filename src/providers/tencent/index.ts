// Tencent Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { tencent } from './rules.js';

export const tencentProvider: ProviderModule = { detection: tencent };
