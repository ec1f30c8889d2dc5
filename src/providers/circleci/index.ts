// CircleCI personal and project API tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { circleci } from './rules.js';

export const circleciProvider: ProviderModule = { detection: circleci };
