import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkTreeRoot, repositoryPathPrefix } from '../../src/cli/repository-path.js';

describe('findWorkTreeRoot', () => {
  it('finds the nearest directory with a .git entry, directory or file (a linked worktree)', async () => {
    const top = await mkdtemp(join(tmpdir(), 'leakstop-tree-'));
    await mkdir(join(top, 'repo', '.git'), { recursive: true });
    await mkdir(join(top, 'repo', 'src', 'deep'), { recursive: true });
    await mkdir(join(top, 'repo', 'worktree', 'lib'), { recursive: true });
    await writeFile(join(top, 'repo', 'worktree', '.git'), 'gitdir: ../.git/worktrees/w\n');
    expect(findWorkTreeRoot(join(top, 'repo', 'src', 'deep'))).toBe(join(top, 'repo'));
    expect(findWorkTreeRoot(join(top, 'repo'))).toBe(join(top, 'repo'));
    expect(findWorkTreeRoot(join(top, 'repo', 'worktree', 'lib'))).toBe(join(top, 'repo', 'worktree'));
  });

  it('finds none outside a work tree', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'leakstop-tree-'));
    // tmpdir() itself is not inside a repository on any machine these tests run on.
    expect(findWorkTreeRoot(outside)).toBeUndefined();
  });
});

describe('repositoryPathPrefix', () => {
  it('is the scanned directory relative to the work tree root, with a trailing slash', () => {
    expect(repositoryPathPrefix('/r/src/api', '/r')).toBe('src/api/');
    expect(repositoryPathPrefix('/r', '/r')).toBe('');
    expect(repositoryPathPrefix('/r/src', undefined)).toBe('');
    expect(repositoryPathPrefix('/elsewhere', '/r')).toBe('');
    expect(repositoryPathPrefix('/r/..data', '/r')).toBe('..data/');
  });
});
