import { VERSION } from '../core/version.js';
import { stopWaitingWorkers } from '../pipeline/waiting-workers.js';
import { type CliStreams, echo, UsageError, withLang } from './context.js';
import { startEarlyWorkers, type WorkerScripts } from './early-workers.js';
import { type Bilingual, type Lang, langOfRun } from './lang.js';
import { discardOutputsSince, outputMark } from './partial-output.js';
import { suggest } from './suggest.js';

export type { CliStreams };

type Command = (args: readonly string[], streams: CliStreams) => Promise<number>;

/** A command: how to load it, and how to load its help (a module of its own, in both languages). */
interface CommandEntry {
  readonly run: () => Promise<Command>;
  readonly help: () => Promise<Bilingual>;
}

/**
 * Each command is loaded when it runs, with what it needs (the library, the division lists, .xlsx support): the
 * start-up of one command never pays for the others. Its help loads alone: `--help` never loads the library.
 */
const COMMANDS: Record<string, CommandEntry> = {
  indicators: {
    run: async () => (await import('./indicators.js')).runIndicators,
    help: async () => (await import('./help/indicators.js')).HELP,
  },
  validate: {
    run: async () => (await import('./validate.js')).runValidate,
    help: async () => (await import('./help/validate.js')).HELP,
  },
  report: {
    run: async () => (await import('./report.js')).runReport,
    help: async () => (await import('./help/report.js')).HELP,
  },
  evaluate: {
    run: async () => (await import('./evaluate.js')).runEvaluate,
    help: async () => (await import('./help/evaluate.js')).HELP,
  },
  circle: {
    run: async () => (await import('./circle.js')).runCircle,
    help: async () => (await import('./help/circle.js')).HELP,
  },
  'check-code': {
    run: async () => (await import('./check-code.js')).runCheckCode,
    help: async () => (await import('./help/check-code.js')).HELP,
  },
  schema: {
    run: async () => (await import('./schema.js')).runSchema,
    help: async () => (await import('./help/schema.js')).HELP,
  },
  demo: {
    run: async () => (await import('./demo.js')).runDemo,
    help: async () => (await import('./help/demo.js')).HELP,
  },
};

/** The names of the commands, in the order of the help. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** A command's help in both languages; undefined for an unknown name. */
export async function commandHelp(name: string): Promise<Bilingual | undefined> {
  return Object.hasOwn(COMMANDS, name) ? (COMMANDS[name] as CommandEntry).help() : undefined;
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
 * an invalid code, 2 usage errors and unreadable files (one line and a hint on stderr); the entry point ends a run
 * whose standard output is closed early with 141 (closed-output.ts). The language of help, errors
 * and progress is chosen once: `--lang`, else the locale variables of `env` (the entry point passes the process's
 * environment; none given: English). `workerScripts`: where the commands' worker threads are built, for those a large
 * file needs to start before the command loads (none given: they start when the command asks for them).
 */
export async function main(
  args: readonly string[],
  streams: CliStreams,
  env: Readonly<Record<string, string | undefined>> = {},
  workerScripts: WorkerScripts = {},
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
    io.stdout.write((await import('./help/main.js')).HELP[lang]);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? (COMMANDS[name] as CommandEntry) : undefined;
  if (command === undefined) {
    io.stderr.write(unknownCommand(name, lang));
    return 2;
  }
  if (wantsHelp || asksForHelp(after)) {
    io.stdout.write((await command.help())[lang]);
    return 0;
  }
  // A `--lang` before the command is the command's too (it also chooses the language of tables).
  const commandArgs = [...leading.lang, ...after];
  // The workers a large file will be read with start now, and load while this thread loads the command.
  startEarlyWorkers(name, commandArgs, workerScripts);
  const mark = outputMark();
  try {
    const run = await command.run();
    return await run(commandArgs, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(error.lines(lang));
      return 2;
    }
    throw error;
  } finally {
    // Outputs the run opened and never completed: it failed, and leaves no half file.
    discardOutputsSince(mark);
    // Workers started early that the run did not take (it read in one thread after all).
    await stopWaitingWorkers();
  }
}
