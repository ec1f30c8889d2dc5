// Where the package's own files are, found from this module. It sits at the top of src/ (tests),
// of dist/ (tsc's output) and of the bundle (dist/leakstop.js and its chunks), so the package root
// is one level up from all three: modules deeper in the tree would each need their own path.

/** The installed package's root directory, as a file: URL ending in '/'. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** A file of the package, by its path from the root ('package.json', 'dist/scan/scan-worker.js'). */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
