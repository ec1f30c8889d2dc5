// The lines added by the staged changes (`git diff --cached`): what `leakstop protect --staged`
// checks from a pre-commit hook, before the secret enters history at all.
import { DEFAULT_MAX_FILE_BYTES } from '../config/config-file.js';
import { DiffParser, PATCH_OPTIONS } from './diff-parser.js';
import { GitCommandError, firstLine, streamGitLines } from './git-process.js';
import { requireRepository } from './git.js';
import type { SourceItem } from './scan-unit.js';
import { decodeUtf16Diffs } from './utf16-diff.js';

export interface StagedOptions {
  maxFileBytes?: number;
  /** Repository-relative path → true to skip it (config `paths.ignore`). */
  ignorePath?: (path: string) => boolean;
}

export function readStaged(repoDir: string, options: StagedOptions = {}): AsyncGenerator<SourceItem> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return decodeUtf16Diffs(repoDir, readStagedDiff(repoDir, maxFileBytes, options), { maxFileBytes });
}

async function* readStagedDiff(repoDir: string, maxFileBytes: number, options: StagedOptions): AsyncGenerator<SourceItem> {
  await requireRepository(repoDir);
  const parser = new DiffParser({ maxFileBytes, keepBinaryBlobs: true, ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}) });
  try {
    // Works before the first commit too: git then diffs the index against the empty tree.
    for await (const lines of streamGitLines(repoDir, ['diff', '--cached', ...PATCH_OPTIONS, '--'], maxFileBytes)) {
      yield* parser.push(lines);
    }
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    throw new Error(`git diff --cached failed: ${firstLine(error.stderr) || error.message}. Check that the index is readable (\`git status\`).`, { cause: error });
  }
  yield* parser.end();
}
