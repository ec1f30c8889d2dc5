// The repository's own settings, `.leakstop.yml` (CLI) or `.github/leakstop.yml` (the app). It can
// choose what to scan and which rules run; it can never name a credential or an endpoint.
import { z } from 'zod';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const repoConfigSchema = z.strictObject({
    paths: z
      .strictObject({
        /** Globs (picomatch, relative to the repository root) of files never scanned. */
        ignore: z.array(z.string().min(1)).default([]),
      })
      .default({ ignore: [] }),
    rules: z
      .strictObject({
        /** Rule ids to turn off (see `leakstop rules`). */
        disable: z.array(z.string().min(1)).default([]),
      })
      .default({ disable: [] }),
    scan: z
      .strictObject({
        /** Files larger than this are skipped and reported as skipped. */
        maxFileBytes: z.number().int().positive().max(1024 * 1024 * 1024).default(DEFAULT_MAX_FILE_BYTES),
      })
      .default({ maxFileBytes: DEFAULT_MAX_FILE_BYTES }),
});

export type RepoConfig = z.infer<typeof repoConfigSchema>;
