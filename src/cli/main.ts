import { VERSION } from '../core/version.js';
import { type CliStreams, echo, UsageError } from './context.js';
import { suggest } from './suggest.js';

export type { CliStreams };

const HELP = `shequ ${VERSION} — 城乡社区服务体系 toolkit: indicators, validation and reports

Usage: shequ <command> [options]

Commands:
  indicators FILE      Compute the 十四五 indicators of a sheet, rolled up by region
  validate FILE        Check a sheet against the plans, the laws and the code standards
  report FILE          Write an HTML report (table, charts, findings)
  evaluate FILE…       The evaluation table of a plan period (终期评估: baseline, target, actual, status)
  circle ESTATES SERVICES  Compute the 一刻钟社区服务圈 from the coordinates of estates and services
  check-code CODE…     Identify and validate codes (division, urban-rural, ID number, credit code)
  schema [NAME]        Print the JSON Schema of a statistics row or a dataset
  demo                 Run on the bundled sample data

Options:
  -h, --help           Show help (also: shequ <command> --help)
  -v, --version        Show the version

Exit codes: 0 success; 1 rejected rows, findings at the --fail-on level or an invalid code; 2 usage error, input
that cannot be read (missing, no header, undecodable, over a limit) or output that cannot be written.

Examples:
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01 --fail-on warning
  shequ report 正定县.csv --profile hebei --out 正定县.html
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ check-code 110105001001 914403001922038216
  shequ demo
`;

type Command = (args: readonly string[], streams: CliStreams) => Promise<number>;

/**
 * Each command is loaded when it runs, with what it needs (the library, the division lists, .xlsx support): the
 * start-up of one command never pays for the others.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  indicators: async () => (await import('./indicators.js')).runIndicators,
  validate: async () => (await import('./validate.js')).runValidate,
  report: async () => (await import('./report.js')).runReport,
  evaluate: async () => (await import('./evaluate.js')).runEvaluate,
  circle: async () => (await import('./circle.js')).runCircle,
  'check-code': async () => (await import('./check-code.js')).runCheckCode,
  schema: async () => (await import('./schema.js')).runSchema,
  demo: async () => (await import('./demo.js')).runDemo,
};

/**
 * Runs the command line and returns the exit code: 0 success, 1 rejected rows, findings at the `--fail-on` level or
 * an invalid code, 2 usage errors and unreadable files (one line and a hint on stderr).
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
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) {
    const guess = suggest(command, Object.keys(COMMANDS));
    streams.stderr.write(
      `shequ: unknown command '${echo(command)}'${guess === undefined ? '' : `; did you mean '${guess}'?`}\nRun 'shequ --help' for the list.\n`,
    );
    return 2;
  }
  const run = await load();
  try {
    return await run(rest, streams);
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`${error.message}\n${error.hint}\n`);
      return 2;
    }
    throw error;
  }
}
