// The tool's own name and version, for reports. Read from package.json at runtime rather than
// imported: an import would put package.json outside the build's rootDir ('src').
import { readFileSync } from 'node:fs';
import { packageFile } from './package-root.js';

export interface ToolInfo {
  name: string;
  version: string;
  /** Where people learn about the tool: package.json's homepage, else its npm page. */
  informationUri: string;
}

let cached: ToolInfo | undefined;

export function toolInfo(): ToolInfo {
  cached ??= readToolInfo();
  return cached;
}

/** `leakstop --version`. */
export function toolVersion(): string {
  return toolInfo().version;
}

function readToolInfo(): ToolInfo {
  const pkg = readPackageJson(readFileSync(packageFile('package.json'), 'utf8'));
  return {
    name: pkg.name,
    version: pkg.version,
    informationUri: pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`,
  };
}

/**
 * Our own package.json, checked by hand rather than with zod: loading zod costs `leakstop scan`
 * ~60 ms of start-up, paid by a pre-commit hook on every commit.
 */
function readPackageJson(text: string): { name: string; version: string; homepage?: string } {
  const pkg: unknown = JSON.parse(text);
  const field = (name: string): unknown => (typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>)[name] : undefined);
  const name = field('name');
  const version = field('version');
  const homepage = field('homepage');
  if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '') {
    throw new Error("leakstop's package.json has no name or version: reinstall leakstop");
  }
  return { name, version, ...(typeof homepage === 'string' && /^https?:\/\//.test(homepage) ? { homepage } : {}) };
}
