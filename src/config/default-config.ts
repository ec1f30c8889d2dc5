// The config of a repository that has none, without loading the config parser (zod, yaml): see
// config-file.ts for why that matters to a pre-commit hook.
import { DEFAULT_MAX_FILE_BYTES } from './config-file.js';
import type { RepoConfig } from './repo-config.schema.js';

/** What `repoConfigSchema.parse({})` gives (a test keeps the two equal). */
export function defaultRepoConfig(): RepoConfig {
  return {
    paths: { ignore: [] },
    rules: { disable: [], custom: [] },
    scan: { maxFileBytes: DEFAULT_MAX_FILE_BYTES },
    incidents: { assignees: [], labels: [] },
    response: { revoke: 'auto', rotate: 'auto', dryRun: false, providers: {} },
  };
}
