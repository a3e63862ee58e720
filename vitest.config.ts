import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __SHEQU_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/dist/**', 'node_modules/**'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The CLI and the parallel path's worker threads run from the build, so they are tested against it (test/dist).
      exclude: ['src/cli/**', 'src/divisions/data/**', 'src/io/parallel.ts', 'src/io/indicators-worker.ts'],
      reporter: ['text-summary', 'html'],
      thresholds: { lines: 90, branches: 90, functions: 90, statements: 90 },
    },
  },
});
