import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __SHEQU_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/dist/**', 'node_modules/**'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The CLI is tested end to end against the build (test/dist); its shell is not unit-tested here.
      exclude: ['src/cli/**', 'src/divisions/data/**'],
      reporter: ['text-summary', 'html'],
      thresholds: { lines: 90, branches: 90, functions: 90, statements: 90 },
    },
  },
});
