import { main } from '../../src/cli/main.js';

/** What a command line run in-process gave: its exit code and what it printed. */
export interface MainRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the command line in-process (`main` of src/cli/main.ts) with streams that keep what it prints: the tests of
 * the command line's own logic (test/dist/* run the built command instead).
 */
export async function runMain(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  workerScripts: Parameters<typeof main>[3] = {},
): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    env,
    workerScripts,
  );
  return { code, stdout, stderr };
}
