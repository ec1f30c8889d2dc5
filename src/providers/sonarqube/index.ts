// SonarQube Server user and analysis tokens: detection only.
import type { ProviderModule } from '../provider.js';
import { sonarqube } from './rules.js';

export const sonarqubeProvider: ProviderModule = { detection: sonarqube };
