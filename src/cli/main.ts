import { VERSION } from '../core/version.js';
import { type CliStreams, echo, UsageError, withLang } from './context.js';
import { type Bilingual, type Lang, langOfRun } from './lang.js';
import { suggest } from './suggest.js';

export type { CliStreams };

type Command = (args: readonly string[], streams: CliStreams) => Promise<number>;

/** A command as loaded: how it runs, and its help in both languages (kept beside it, in its own module). */
export interface LoadedCommand {
  readonly run: Command;
  readonly help: Bilingual;
}

/**
 * Each command is loaded when it runs, with what it needs (the library, the division lists, .xlsx support): the
 * start-up of one command never pays for the others. Its help and messages load with it.
 */
const COMMANDS: Record<string, () => Promise<LoadedCommand>> = {
  indicators: async () => {
    const { runIndicators, INDICATORS_HELP } = await import('./indicators.js');
    return { run: runIndicators, help: INDICATORS_HELP };
  },
  validate: async () => {
    const { runValidate, VALIDATE_HELP } = await import('./validate.js');
    return { run: runValidate, help: VALIDATE_HELP };
  },
  report: async () => {
    const { runReport, REPORT_HELP } = await import('./report.js');
    return { run: runReport, help: REPORT_HELP };
  },
  circle: async () => {
    const { runCircle, CIRCLE_HELP } = await import('./circle.js');
    return { run: runCircle, help: CIRCLE_HELP };
  },
  'check-code': async () => {
    const { runCheckCode, CHECK_CODE_HELP } = await import('./check-code.js');
    return { run: runCheckCode, help: CHECK_CODE_HELP };
  },
  schema: async () => {
    const { runSchema, SCHEMA_HELP } = await import('./schema.js');
    return { run: runSchema, help: SCHEMA_HELP };
  },
  demo: async () => {
    const { runDemo, DEMO_HELP } = await import('./demo.js');
    return { run: runDemo, help: DEMO_HELP };
  },
};

/** The names of the commands, in the order of the help. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Loads a command by name; undefined for an unknown name. */
export async function loadCommand(name: string): Promise<LoadedCommand | undefined> {
  return Object.hasOwn(COMMANDS, name) ? (COMMANDS[name] as () => Promise<LoadedCommand>)() : undefined;
}

const isHelpFlag = (arg: string) => arg === '-h' || arg === '--help';

/** Whether a command's arguments ask for its help (`-h` or `--help` before any `--`). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some(isHelpFlag);
}

/** The options given before the command (`shequ --lang zh --help`), and what follows them. */
function leadingOptions(args: readonly string[]): {
  lang: string[];
  help: boolean;
  version: boolean;
  rest: readonly string[];
} {
  const lang: string[] = [];
  let help = false;
  let version = false;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--lang' && i + 1 < args.length) lang.push(arg, args[++i] as string);
    else if (arg.startsWith('--lang=')) lang.push(arg);
    else if (isHelpFlag(arg)) help = true;
    else if (arg === '-v' || arg === '--version') version = true;
    else break;
  }
  return { lang, help, version, rest: args.slice(i) };
}

/** The first argument that is neither an option nor the value of `--lang` (`shequ help --lang zh indicators`). */
function firstWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The unknown-command error, with a guess. */
function unknownCommand(command: string, lang: Lang): string {
  const guess = suggest(command, COMMAND_NAMES);
  return lang === 'zh'
    ? `shequ：未知命令 '${echo(command)}'${guess === undefined ? '' : `；是否想用 '${guess}'？`}\n运行 'shequ --help' 查看命令列表。\n`
    : `shequ: unknown command '${echo(command)}'${guess === undefined ? '' : `; did you mean '${guess}'?`}\nRun 'shequ --help' for the list.\n`;
}

/**
 * Runs the command line and returns the exit code: 0 success, 1 rejected rows, findings at the `--fail-on` level or
 * an invalid code, 2 usage errors and unreadable files (one line and a hint on stderr). The language of help, errors
 * and progress is chosen once: `--lang`, else the locale variables of `env` (the entry point passes the process's
 * environment; none given: English).
 */
export async function main(
  args: readonly string[],
  streams: CliStreams,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<number> {
  const lang = langOfRun(args, env);
  const io = withLang(streams, lang);
  const leading = leadingOptions(args);
  const [first, ...after] = leading.rest;
  const wantsHelp = leading.help || first === 'help';
  const name = first === 'help' ? firstWord(after) : first;
  if (leading.version && !wantsHelp) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === undefined) {
    io.stdout.write((await import('./main-help.js')).MAIN_HELP[lang]);
    return 0;
  }
  const command = await loadCommand(name);
  if (command === undefined) {
    io.stderr.write(unknownCommand(name, lang));
    return 2;
  }
  if (wantsHelp || asksForHelp(after)) {
    io.stdout.write(command.help[lang]);
    return 0;
  }
  try {
    // A `--lang` before the command is the command's too (it also chooses the language of tables).
    return await command.run([...leading.lang, ...after], io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(error.lines(lang));
      return 2;
    }
    throw error;
  }
}
