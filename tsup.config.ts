import { readdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __SHEQU_VERSION__: JSON.stringify(version) };
// Keep Chinese text as UTF-8 instead of \u escapes: the division lists are a third smaller so.
const esbuildOptions = (options: { charset?: 'ascii' | 'utf8' }) => {
  options.charset = 'utf8';
};

/** Each module of a directory under src/, as tsup entries (`divisions/hebei/1301` → `src/divisions/hebei/1301.ts`). */
function entriesIn(directory: string): Record<string, string> {
  const files = readdirSync(`src/${directory}`).filter((file) => file.endsWith('.ts'));
  return Object.fromEntries(
    files.map((file) => [`${directory}/${file.slice(0, -3)}`, `src/${directory}/${file}`]),
  );
}

const DIVISION_DATA = resolve('src/divisions/data') + sep;
const DIVISION_READER = resolve('src/divisions/from-text.js');
/**
 * Keeps the division data modules (src/divisions/data/…, generated) and their reader (from-text.ts) out of the modules
 * that import them: each is built to its own file at the same place under dist/ and imported from there, in the
 * format's extension. So a province list (assembled from its cities' texts) and each city list share one copy of
 * every record and of the reader, in ESM and in CommonJS alike (tsup splits only ESM into chunks): the tarball carries
 * each record once per format, and a city's CommonJS module is a few lines.
 */
const divisionDataApart: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'division-data-apart',
  setup(build) {
    const extension = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (args.kind === 'entry-point' || !(target.startsWith(DIVISION_DATA) || target === DIVISION_READER))
        return undefined;
      return { path: args.path.replace(/\.js$/, extension), external: true };
    });
  },
};

export default defineConfig([
  {
    // The library: one entry per subpath, ESM and CommonJS, each with its own declarations (.d.ts / .d.cts).
    entry: {
      index: 'src/index.ts',
      'codes/index': 'src/codes/index.ts',
      'model/index': 'src/model/index.ts',
      'indicators/index': 'src/indicators/index.ts',
      'standards/index': 'src/standards/index.ts',
      'pipeline/index': 'src/pipeline/index.ts',
      'io/index': 'src/io/index.ts',
      'report/index': 'src/report/index.ts',
      'report/xlsx': 'src/report/xlsx.ts',
      'testing/index': 'src/testing/index.ts',
      'geo/index': 'src/geo/index.ts',
      'io/xlsx': 'src/io/xlsx.ts',
      'io/node': 'src/io/node.ts',
      'pipeline/node': 'src/pipeline/node.ts',
      // Not a subpath: imported by pipeline/node for a large file only, and built beside it rather than as a chunk in
      // dist/, so that the URL of its worker (./indicators-worker.js, relative to the module) still resolves.
      'pipeline/parallel': 'src/pipeline/parallel.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    shims: true,
    define,
    esbuildOptions,
    external: ['zod', 'date-fns', 'decimal.js', 'fast-check', 'fflate', /^write-excel-file/, /^node:/],
  },
  {
    // Reference data, one subpath per list and per part of a list (a Hebei city, a Beijing district): no source maps
    // (they would only repeat the data). The data itself is imported from the files of the next build.
    entry: {
      'divisions/beijing': 'src/divisions/beijing.ts',
      'divisions/hebei': 'src/divisions/hebei.ts',
      ...entriesIn('divisions/beijing'),
      ...entriesIn('divisions/hebei'),
    },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['zod', 'date-fns', 'decimal.js'],
    esbuildPlugins: [divisionDataApart],
    esbuildOptions,
  },
  {
    // The division data modules (generated texts) and their reader, each its own file, so that every list importing
    // it shares it. No declarations: they are not entry points of the package, only imported by the lists above.
    entry: {
      'divisions/from-text': 'src/divisions/from-text.ts',
      ...entriesIn('divisions/data'),
      ...entriesIn('divisions/data/beijing'),
      ...entriesIn('divisions/data/hebei'),
    },
    format: ['esm', 'cjs'],
    target: 'es2022',
    platform: 'neutral',
    esbuildPlugins: [divisionDataApart],
    esbuildOptions,
  },
  {
    // The worker of the parallel indicator path: Node only, ESM only (it awaits at top level); loaded by URL.
    entry: { 'pipeline/indicators-worker': 'src/pipeline/indicators-worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    esbuildOptions,
  },
  {
    // The command line: Node only, ESM only, built on the package's public API (imported by name, not bundled).
    // validate's parallel path and its worker are entries too: built as dist/cli/validate-parallel.js beside
    // dist/cli/validate-worker.js (not as chunks), so that the worker's URL, relative to the module, resolves.
    entry: {
      'cli/index': 'src/cli/index.ts',
      'cli/validate-parallel': 'src/cli/validate-parallel.ts',
      'cli/validate-worker': 'src/cli/validate-worker.ts',
    },
    format: ['esm'],
    // Commands are imported when they run: split into chunks, so that their imports of the library load lazily too.
    splitting: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external: [/^shequ(\/|$)/],
    define,
    esbuildOptions: (options: { charset?: 'ascii' | 'utf8'; chunkNames?: string }) => {
      esbuildOptions(options);
      options.chunkNames = 'cli/chunks/[name]-[hash]';
    },
  },
]);
