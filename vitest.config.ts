import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  define: { __SHEQU_VERSION__: JSON.stringify('0.0.0-test') },
  // The package imports itself by name in the CLI's modules: unit tests resolve those names to the sources (as
  // tsconfig's paths do), so that they never depend on a build in dist/.
  resolve: {
    alias: [
      { find: /^shequ$/, replacement: `${src}index.ts` },
      { find: /^shequ\/divisions\/(.+)$/, replacement: `${src}divisions/$1.ts` },
      { find: /^shequ\/(io|pipeline|report)\/(xlsx|node)$/, replacement: `${src}$1/$2.ts` },
      { find: /^shequ\/([a-z]+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/dist/**', 'node_modules/**'],
    // Fails the run when a test leaves anything in the temp folder (see the file).
    globalSetup: ['test/helpers/temp-guard.ts'],
    // A guard against a hang, not a speed limit: property tests of real work take seconds on a loaded 2-core machine.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The CLI and the parallel path's worker threads run from the build, so they are tested against it (test/dist).
      exclude: [
        'src/cli/**',
        'src/divisions/data/**',
        'src/pipeline/parallel.ts',
        'src/pipeline/indicators-worker.ts',
      ],
      reporter: ['text-summary', 'html'],
      thresholds: { lines: 90, branches: 90, functions: 90, statements: 90 },
    },
  },
});
