import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file shipped in the package (e.g. `examples/data/sample-units.json`), found from wherever this module was bundled:
 * dist/cli/index.js or a chunk under dist/cli/chunks/ — the package root is the first folder above that holds it.
 */
export function packageFile(relative: string): string {
  for (const up of ['../../', '../../../', '../../../../']) {
    const path = fileURLToPath(new URL(`${up}${relative}`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}
