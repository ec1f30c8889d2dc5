// GitHub API responses built from a real local git repository, the way GitHub computes them: a
// commit's files diffed against its first parent, 3 lines of context, no patch for a binary file.
// Each response starts from GitHub's own OpenAPI example and is checked against GitHub's schema, so a
// test cannot pass on a shape GitHub never sends.
import { execFileSync } from 'node:child_process';
import type { TestRepo } from './helpers.js';
import { assertMatchesSchema, example, type Json, type JsonObject } from './github-openapi.js';

export const OWNER = 'octo-org';
export const REPO = 'payments';
export const API = 'https://api.github.com';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const STATUS: Record<string, string> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'changed' };

export interface FileEntry extends JsonObject {
  sha: string | null;
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
}

function asObject(value: Json): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected an object in the OpenAPI example');
  return value;
}

function parentsOf(repo: TestRepo, sha: string): string[] {
  return repo.git('rev-list', '--parents', '-n', '1', sha).trim().split(' ').slice(1);
}

/** GET /repos/{owner}/{repo}/commits/{sha}: the commit and its files against its first parent. */
export function commitResponse(repo: TestRepo, sha: string): JsonObject {
  const body = commitItem(repo, sha);
  body.files = diffEntries(repo, parentsOf(repo, sha)[0] ?? EMPTY_TREE, sha);
  body.stats = { additions: 0, deletions: 0, total: 0 };
  assertMatchesSchema('commit', body);
  return body;
}

/** A commit as list endpoints and compare return it: no files. */
export function commitItem(repo: TestRepo, sha: string): JsonObject {
  const body = asObject(example('commit'));
  const [name = '', email = '', date = '', message = ''] = repo.git('show', '-s', '--format=%an%x00%ae%x00%aI%x00%s', sha).trim().split('\x00');
  const inner = asObject(body.commit ?? null);
  inner.author = { name, email, date: new Date(date).toISOString().replace('.000Z', 'Z') };
  inner.committer = inner.author;
  inner.message = message;
  inner.url = `${API}/repos/${OWNER}/${REPO}/git/commits/${sha}`;
  body.commit = inner;
  body.sha = sha;
  body.url = `${API}/repos/${OWNER}/${REPO}/commits/${sha}`;
  body.html_url = `https://github.com/${OWNER}/${REPO}/commit/${sha}`;
  body.comments_url = `${body.url}/comments`;
  body.parents = parentsOf(repo, sha).map((parent) => ({ sha: parent, url: `${API}/repos/${OWNER}/${REPO}/commits/${parent}` }));
  delete body.files;
  delete body.stats;
  return body;
}

/** A commit item for a SHA that needs no repository (lists of commits in resolve tests). */
export function commitItemFor(sha: string): JsonObject {
  const body = asObject(example('commit'));
  body.sha = sha;
  body.url = `${API}/repos/${OWNER}/${REPO}/commits/${sha}`;
  body.parents = [];
  delete body.files;
  delete body.stats;
  return body;
}

/** GET /repos/{owner}/{repo}/git/blobs/{file_sha}: base64 broken every 60 characters, as GitHub sends it. */
export function blobResponse(repo: TestRepo, sha: string): JsonObject {
  const bytes = execFileSync('git', ['cat-file', 'blob', sha], { cwd: repo.dir });
  const body = asObject(example('blob'));
  body.content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
  body.encoding = 'base64';
  body.sha = sha;
  body.size = bytes.length;
  body.url = `${API}/repos/${OWNER}/${REPO}/git/blobs/${sha}`;
  assertMatchesSchema('blob', body);
  return body;
}

export function diffEntries(repo: TestRepo, from: string, to: string): FileEntry[] {
  const counts = lineCounts(repo, from, to);
  // One patch section per file, in the same order as --raw lists them.
  const sections = repo.git('diff', '--no-color', '-M', from, to).split(/^diff --git /m).slice(1);
  const raw = repo.git('diff', '--no-color', '-M', '--raw', '-z', '--no-abbrev', from, to).split('\x00');
  const entries: FileEntry[] = [];
  for (let i = 0; i < raw.length - 1; ) {
    // ':100644 100644 <old blob> <new blob> R100', then the path, or the old and the new path.
    const [, , oldBlob = '', newBlob = '', code = ''] = (raw[i++] ?? '').split(' ');
    const status = STATUS[code[0] ?? ''] ?? 'modified';
    const previous = code.startsWith('R') || code.startsWith('C') ? raw[i++] : undefined;
    const filename = raw[i++] ?? '';
    const section = sections[entries.length] ?? '';
    const hunks = section.indexOf('\n@@');
    entries.push(
      diffEntry(to, {
        status,
        filename,
        previous,
        blob: status === 'removed' ? oldBlob : newBlob,
        patch: hunks === -1 ? undefined : section.slice(hunks + 1).replace(/\n$/, ''),
        ...(counts.get(filename) ?? { additions: 0, deletions: 0 }),
      }),
    );
  }
  return entries;
}

/** Added and deleted lines per (new) file name; a binary file counts none, as GitHub reports it. */
function lineCounts(repo: TestRepo, from: string, to: string): Map<string, { additions: number; deletions: number }> {
  const numstat = repo.git('diff', '--no-color', '-M', '--numstat', '-z', from, to).split('\x00');
  const counts = new Map<string, { additions: number; deletions: number }>();
  for (let i = 0; i < numstat.length; i++) {
    const [added = '', deleted = '', path = ''] = (numstat[i] ?? '').split('\t');
    if (added === '') continue;
    // A rename is `added\tdeleted\t` then the old and the new name as their own fields.
    const name = path === '' ? (numstat[(i += 2)] ?? '') : path;
    counts.set(name, { additions: added === '-' ? 0 : Number(added), deletions: deleted === '-' ? 0 : Number(deleted) });
  }
  return counts;
}

function diffEntry(
  to: string,
  file: { status: string; filename: string; previous: string | undefined; blob: string; patch: string | undefined; additions: number; deletions: number },
): FileEntry {
  const entry: FileEntry = {
    sha: file.blob,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `https://github.com/${OWNER}/${REPO}/blob/${to}/${encodeURI(file.filename)}`,
    raw_url: `https://github.com/${OWNER}/${REPO}/raw/${to}/${encodeURI(file.filename)}`,
    contents_url: `${API}/repos/${OWNER}/${REPO}/contents/${encodeURI(file.filename)}?ref=${to}`,
  };
  if (file.previous !== undefined) entry.previous_filename = file.previous;
  if (file.patch !== undefined) entry.patch = file.patch;
  return entry;
}

/** GET /repos/{owner}/{repo}/compare/{base}...{head}, one page of it. */
export function compareResponse(commits: readonly string[], total: number): JsonObject {
  const body = asObject(example('commit-comparison'));
  body.commits = commits.map((sha) => commitItemFor(sha));
  body.total_commits = total;
  body.ahead_by = total;
  body.files = [];
  assertMatchesSchema('commit-comparison', body);
  return body;
}

/** A page of GET .../pulls/{n}/commits or GET .../commits. */
export function commitListResponse(commits: readonly string[]): JsonObject[] {
  const body = commits.map((sha) => commitItemFor(sha));
  assertMatchesSchema('commit', body, { array: true });
  return body;
}

/** A Link header as GitHub sends it, pointing at the next and the last page. */
export function linkHeader(path: string, page: number, last: number): { link: string } {
  const url = (n: number) => `<${API}${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${n}>`;
  return { link: `${url(page + 1)}; rel="next", ${url(last)}; rel="last"` };
}

/** n distinct, made-up commit SHAs. */
export function fakeShas(n: number, seed: string): string[] {
  return Array.from({ length: n }, (_, i) => `${seed}${i.toString(16).padStart(6, '0')}`.padEnd(40, '0'));
}
