// GitHub's commits API gives a binary file no patch, and to git UTF-16 text is binary (it has NUL
// bytes): a token in a UTF-16 .ps1 would pass the app unseen. Each binary entry's blob is read
// through the blobs API; when it is UTF-16 text of an added file its lines are scanned. A changed
// UTF-16 file needs its old blob to tell its added lines, which the API entry does not name, so that
// commit is read with git, as the other commits the API cannot give whole are. A blob that may be
// key material (a keystore, a DER key) is scanned whole as binary.
import { getBlob, type GitHubClient, type RepoName } from './github-api.js';
import { commitInfo, isBinary, type GitHubCommit } from './github-patch.js';
import type { SkippedFile } from './result.js';
import type { SourceItem } from './scan-unit.js';
import { binaryItem, utf16AddedLinesUnit } from './utf16-diff.js';
import { utf16Order } from './utf16.js';

export interface BinaryEntryOptions {
  maxFileBytes: number;
  ignorePath: (path: string) => boolean;
}

/** What the commit's binary entries hold: items to scan or skip by path, or 'git' when git must read the commit. */
export type BinaryEntries = ReadonlyMap<string, SourceItem> | 'git';

export async function readBinaryEntries(client: GitHubClient, repo: RepoName, commit: GitHubCommit, options: BinaryEntryOptions): Promise<BinaryEntries> {
  const items = new Map<string, SourceItem>();
  for (const file of commit.files ?? []) {
    if (!isBinary(file) || !file.sha || options.ignorePath(file.filename)) continue;
    const bytes = await getBlob(client, repo, file.sha);
    const skip = (reason: SkippedFile['reason'], extra: Partial<SkippedFile> = {}): SkippedFile => ({ path: file.filename, reason, commit: commit.sha, ...extra });
    if (bytes.length > options.maxFileBytes) {
      items.set(file.filename, skip('too-large', { bytes: bytes.length }));
    } else if (!utf16Order(bytes)) {
      items.set(file.filename, binaryItem(file.filename, commitInfo(commit), bytes) ?? skip('binary'));
    } else if (file.status !== 'added') {
      return 'git';
    } else {
      items.set(file.filename, utf16AddedLinesUnit(file.filename, commitInfo(commit), bytes, undefined) ?? skip('binary'));
    }
  }
  return items;
}
