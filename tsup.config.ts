import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };
const define = { __SHEQU_VERSION__: JSON.stringify(version) };
// Keep Chinese text as UTF-8 instead of \u escapes: the division lists are a third smaller so.
const esbuildOptions = (options: { charset?: 'ascii' | 'utf8' }) => {
  options.charset = 'utf8';
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
    // Reference data, one subpath per list: no source maps (they would only repeat the data).
    entry: { 'divisions/beijing': 'src/divisions/beijing.ts', 'divisions/hebei': 'src/divisions/hebei.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'es2022',
    platform: 'neutral',
    external: ['zod', 'date-fns', 'decimal.js'],
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
    entry: { 'cli/index': 'src/cli/index.ts' },
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
