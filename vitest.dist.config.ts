import { defineConfig } from 'vitest/config';

// Tests of the built package (dist/), run after `npm run build`: package map, examples, command line.
export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts'],
    // Fails the run when a test — or the built CLI it runs — leaves anything in the temp folder (see the file).
    globalSetup: ['test/helpers/temp-guard.ts'],
    testTimeout: 60_000,
    // The command speaks the language of the locale: tests that read its messages run it in English whatever the
    // machine's locale (test/dist/cli-lang.test.ts sets the variables itself).
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  },
});
