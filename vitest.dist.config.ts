import { defineConfig } from 'vitest/config';

// Tests of the built package (dist/), run after `npm run build`: package map, examples, command line.
export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
