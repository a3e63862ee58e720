import { VERSION } from 'shequ';
import { runCheckCode } from './check-code.js';
import { runDemo } from './demo.js';

/** Where the command writes. */
export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const HELP = `shequ ${VERSION} — 城乡社区服务体系 toolkit

Usage: shequ <command> [options]

Commands:
  check-code CODE…   Identify and validate codes: division codes, ID numbers (masked), credit codes
  demo               Run on the bundled sample data (examples/data/)

Options:
  -h, --help         Show help
  -v, --version      Show the version

Examples:
  shequ check-code 110105001001 914403001922038216
  shequ demo
`;

/**
 * Runs the command line and returns the exit code: 0 success, 1 a finding (an invalid code), 2 a usage error.
 */
export async function main(args: readonly string[], streams: CliStreams): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    streams.stdout.write(HELP);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    streams.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'check-code') return runCheckCode(rest, streams);
  if (command === 'demo') return runDemo(rest, streams);
  streams.stderr.write(`shequ: unknown command '${command}'. Run 'shequ --help' for the list.\n`);
  return 2;
}
