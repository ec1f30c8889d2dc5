// The tool's own name and version, for reports. Read from package.json at runtime rather than
// imported: an import would put package.json outside the build's rootDir ('src'). The relative
// path holds from both src/version.ts (tests) and dist/version.js (the installed CLI).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const packageJsonSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  homepage: z.url().optional(),
});

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
  const url = new URL('../package.json', import.meta.url);
  const pkg = packageJsonSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
  return {
    name: pkg.name,
    version: pkg.version,
    informationUri: pkg.homepage ?? `https://www.npmjs.com/package/${pkg.name}`,
  };
}
