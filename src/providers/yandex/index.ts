// Yandex Cloud: detected only; revoked by hand (see the rule's remediation).
import type { ProviderModule } from '../provider.js';
import { yandex } from './rules.js';

export const yandexProvider: ProviderModule = { detection: yandex };
