// Where the repository config is, and what applies when there is none, without loading the config
// parser (zod, yaml, picomatch): a scan of a tree without a config file starts ~70 ms sooner, which
// a pre-commit hook pays on every commit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Files larger than this are skipped (and reported as skipped) unless the config says otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The largest `--max-file-size` (and `scan.maxFileBytes`) accepted. A file larger than one scan
 * window (16 MiB) is read and scanned a window at a time, so memory does not bound the size: this
 * bounds the time one file may take (64 GiB is about 90 s on one core at the ~770 MB/s that
 * bench/huge.mjs measured on a 600 MB file), and catches a unit typed wrong ('10TB' for '10MB').
 */
export const MAX_SCANNABLE_FILE_BYTES = 64 * 1024 ** 3;

/**
 * The most of one file a diff-based scan (history, staged changes, the app's commits) holds: it
 * keeps a file's added lines whole, as one text, so a larger file there is reported too-large
 * whatever --max-file-size says, with a detail on scanning the file itself (read in windows).
 * At 32 MiB the scan stays well under 300 MiB of memory.
 */
export const MAX_DIFF_FILE_BYTES = 32 * 1024 * 1024;

export const CONFIG_FILE_NAMES = ['.leakstop.yml', '.leakstop.yaml', '.github/leakstop.yml'] as const;

/** The first config file in `root`, if any. */
export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(root, name)).find((candidate) => existsSync(candidate));
}
