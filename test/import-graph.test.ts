// The house's layers, enforced: every import in src/ runs downhill, and no module imports itself
// back through others. Imports are read with TypeScript's own pre-processor (static, type-only,
// re-exports and dynamic `import()` alike), so a lazily loaded module counts as much as any other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Top to bottom: a module may import from its own layer and any layer below it, never above. The
 * CLI and the app's composition root sit on top; the pipeline's stages follow in the order they call
 * each other (a webhook enqueues, a job scans and reports); then config (which checks rule ids
 * against the registry and redacts its errors with the detector), GitHub's shared client helpers,
 * the providers (below the response that drives them: rules, settings, adapters), detection and the
 * shared base, which everything stands on.
 */
const LAYERS = [
  ['cli'],
  ['process'],
  ['app.ts'],
  ['webhooks'],
  ['queue'],
  ['report'],
  ['scan'],
  ['respond'],
  ['log.ts'],
  ['config'],
  ['github'],
  ['providers'],
  ['detect'],
  ['version.ts', 'package-root.ts', 'problems-error.ts', 'error-summary.ts'],
] as const;


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file (relative to src/) and the source files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const local = importedFiles.map((imported) => imported.fileName).filter((name) => name.startsWith('.'));
    graph.set(
      relative(SRC, file),
      local.map((name) => relative(SRC, resolve(dirname(file), name)).replace(/\.js$/, '.ts')),
    );
  }
  return graph;
}

/** A file's layer: its top-level folder, or its own name for a file directly under src/. */
function unitOf(path: string): string {
  return path.split('/')[0]!;
}

function layerIndex(path: string): number {
  const unit = unitOf(path);
  const index = LAYERS.findIndex((layer) => (layer as readonly string[]).includes(unit));
  if (index === -1) throw new Error(`src/${path} is in no layer: add '${unit}' to LAYERS in test/import-graph.test.ts`);
  return index;
}

/** Strongly connected groups of more than one file (Tarjan's algorithm), each sorted. */
function cycles(graph: Map<string, string[]>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1) found.push(group.sort().join(' '));
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found.sort();
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads every import, dynamic ones included', () => {
    expect(graph.get('cli/main.ts')).toContain('cli/app-commands.ts');
    expect(graph.size).toBeGreaterThan(100);
    for (const [file, imports] of graph) for (const target of imports) expect(graph.has(target), `${file} imports ${target}, which does not exist`).toBe(true);
  });

  it('runs downhill: no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) if (layerIndex(target) < layerIndex(file)) upward.push(`${file} -> ${target}`);
    }
    expect(upward).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
