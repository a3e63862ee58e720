import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The library's source directory. */
export const SOURCE_ROOT = join(import.meta.dirname, '..', '..', 'src');

/**
 * Every `.ts` file under `dir` (the source by default), the generated division data (`data/`) aside: what the tests
 * that keep a whole class of code out of the source scan.
 */
export function sourceFiles(dir: string = SOURCE_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'data'
        ? []
        : sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}
