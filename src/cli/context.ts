import { parseArgs } from 'node:util';
import { resolveAsOf } from '../core/as-of.js';
import { maskIdNumbersInText, maskIdNumbersInUtf8 } from '../core/mask.js';
import { PLAN_PERIODS, type PlanPeriod, planPeriodAt, planPeriodById } from '../indicators/periods.js';
import { type Bilingual, type Lang, pick } from './lang.js';
import { suggest } from './suggest.js';

/** Where the command writes, whether stderr is a terminal (for progress), and in which language it speaks. */
export interface CliStreams {
  readonly stdout: {
    write(text: string): unknown;
    /**
     * Writes UTF-8 bytes (whole characters); settles once they are written and the array may be filled again. Absent:
     * the report writers write text through `write` (a test's stream, a caller's).
     */
    writeBytes?(bytes: Uint8Array): Promise<void>;
  };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin?: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  /**
   * The language of help, usage errors, warnings and progress, chosen once per run by `main` (`--lang`, else the
   * environment's locale); absent: English.
   */
  readonly lang?: Lang;
}

/** The language a command speaks in (its messages; the language of its results is `--lang`, default zh). */
export function messageLang(streams: CliStreams): Lang {
  return streams.lang ?? 'en';
}

/**
 * An error that ends a command with exit code 2 and two lines on stderr: what went wrong, and a hint. Usage errors,
 * input that cannot be read and output that cannot be written are all of this kind: a script must never take them
 * for success. Both lines are held in both languages; `main` prints the run's. `message` and `hint` are the English
 * lines (what a caller of the functions sees).
 */
export class UsageError extends Error {
  readonly hint: string;
  /** The two lines in both languages. */
  readonly texts: { readonly message: Bilingual; readonly hint: Bilingual };

  /** Both lines are masked: they may echo an argument. A plain string is the same in both languages. */
  constructor(message: Bilingual | string, hint: Bilingual | string) {
    const both = (text: Bilingual | string): Bilingual => ({
      zh: maskIdNumbersInText(pick(text, 'zh')),
      en: maskIdNumbersInText(pick(text, 'en')),
    });
    const texts = { message: both(message), hint: both(hint) };
    super(texts.message.en);
    this.texts = texts;
    this.hint = texts.hint.en;
  }

  /** The lines to print in a language, ending with a line break. */
  lines(lang: Lang): string {
    return `${this.texts.message[lang]}\n${this.texts.hint[lang]}\n`;
  }
}

/** The usual hint of a usage error: where the options are explained. */
export function helpHint(command: string): Bilingual {
  return {
    zh: `运行 'shequ ${command} --help' 查看选项。`,
    en: `Run 'shequ ${command} --help' for the options.`,
  };
}

/** Marks streams whose writes are masked already, so that an output to them is not masked twice. */
const MASKED = Symbol('shequ.maskedStreams');

/**
 * The streams with every write masked (`maskIdNumbersInText`): the last line of defence, so that nothing the CLI
 * prints — results, messages, echoed arguments — holds a full ID number. Each write is masked on its own; every
 * free-text write of the CLI is whole lines or whole items, and an ID number never spans a line break; the streaming
 * writers of src/report mask their own text by construction, so their chunks may end anywhere.
 */
export function maskedStreams(streams: CliStreams): CliStreams {
  if (areMasked(streams)) return streams;
  const masked = (text: unknown) => (typeof text === 'string' ? maskIdNumbersInText(text) : text);
  const stdout = streams.stdout;
  const stderr = streams.stderr;
  const writeBytes = stdout.writeBytes?.bind(stdout);
  return {
    stdout: {
      write: (text: string) => stdout.write(masked(text) as string),
      ...(writeBytes === undefined
        ? {}
        : { writeBytes: (bytes: Uint8Array) => writeBytes(maskIdNumbersInUtf8(bytes)) }),
    },
    stderr: {
      write: (text: string) => stderr.write(masked(text) as string),
      get isTTY() {
        return stderr.isTTY;
      },
    },
    ...(streams.stdin === undefined ? {} : { stdin: streams.stdin }),
    ...(streams.lang === undefined ? {} : { lang: streams.lang }),
    [MASKED]: true,
  } as CliStreams;
}

/** Whether every write to the streams is masked already ({@link maskedStreams}). */
export function areMasked(streams: CliStreams): boolean {
  return (streams as { [MASKED]?: boolean })[MASKED] === true;
}

/** The streams speaking a language: the same streams (masked or not, a terminal or not) with `lang` set. */
export function withLang(streams: CliStreams, lang: Lang): CliStreams {
  return Object.assign(Object.create(streams) as CliStreams, { lang });
}

/** An argument as it may be echoed in a message: one line, at most 60 characters. */
export function echo(argument: string): string {
  const line = argument.replace(/[\r\n\t]+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** A file's path as a message names it among others: one line, at most 60 characters, its end kept (its name). */
export function echoPath(path: string): string {
  const line = path.replace(/[\r\n\t]+/g, ' ');
  return line.length > 60 ? `…${line.slice(-57)}` : line;
}

/** The options every data command shares. */
export const DATA_OPTIONS = {
  profile: { type: 'string' },
  'profile-file': { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  divisions: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options of `shequ indicators` (here, so that the start of a run reads them before the command loads). */
export const INDICATORS_OPTIONS = {
  ...DATA_OPTIONS,
  'group-by': { type: 'string' },
  rejects: { type: 'string' },
  workers: { type: 'string' },
  period: { type: 'string' },
  year: { type: 'string' },
  series: { type: 'boolean' },
  crosswalk: { type: 'string' },
} as const;

/** The options of `shequ validate` (see {@link INDICATORS_OPTIONS}). */
export const VALIDATE_OPTIONS = {
  ...DATA_OPTIONS,
  'fail-on': { type: 'string' },
  rejects: { type: 'string' },
  workers: { type: 'string' },
} as const;

/** What a command takes as positional arguments, for the message of one too many: the limit in words and an example. */
export interface PositionalUsage {
  readonly zh: string;
  readonly en: string;
  /** The arguments of a correct call (`统计表.csv`, `dataset`, nothing). */
  readonly example: string;
}

/** The usual limit: one data file. */
const ONE_FILE: PositionalUsage = {
  zh: '一次只处理一个文件',
  en: 'one FILE at a time',
  example: '统计表.csv',
};

/**
 * Parses a command's arguments; unknown options (with a "did you mean") and extra positionals are usage errors.
 * `--out -` is standard output: the values hold no `out`, as when `--out` is not given.
 */
export function parse(
  command: string,
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  maxPositionals = Number.POSITIVE_INFINITY,
  positionalUsage: PositionalUsage = ONE_FILE,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] as string;
    if (Object.hasOwn(options, name)) continue;
    const guess = suggest(name, Object.keys(options));
    throw new UsageError(
      {
        zh: `shequ ${command}：未知选项 '--${echo(name)}'${guess === undefined ? '' : `；是否想用 --${guess}？`}`,
        en: `shequ ${command}: unknown option '--${echo(name)}'${guess === undefined ? '' : `; did you mean --${guess}?`}`,
      },
      helpHint(command),
    );
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own message (English) names the option and what is wrong with it: kept in both languages.
    const reason = echo((error as Error).message);
    throw new UsageError(
      { zh: `shequ ${command}：选项有误：${reason}`, en: `shequ ${command}: ${reason}` },
      helpHint(command),
    );
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = echo(parsed.positionals[maxPositionals] as string);
    const count = parsed.positionals.length;
    const example = `shequ ${command}${positionalUsage.example === '' ? '' : ` ${positionalUsage.example}`}`;
    throw new UsageError(
      {
        zh: `shequ ${command}：${positionalUsage.zh}；给了 ${count} 个参数（多出：'${extra}'）`,
        en: `shequ ${command}: ${positionalUsage.en}; got ${count} argument${count === 1 ? '' : 's'} (extra: '${extra}')`,
      },
      { zh: `示例：${example}`, en: `Example: ${example}` },
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  // `--out -` is standard output, as `-` for FILE is standard input: never a file named '-'.
  if (values.out !== '-') return { values, positionals: parsed.positionals };
  const { out: _standardOutput, ...toStandardOutput } = values;
  return { values: toStandardOutput, positionals: parsed.positionals };
}

/** Checks an option against its allowed values. */
export function oneOf<Value extends string>(
  command: string,
  name: string,
  value: string | undefined,
  allowed: readonly Value[],
  fallback: Value,
): Value {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as Value;
  const guess = suggest(value, allowed);
  throw new UsageError(
    {
      zh: `shequ ${command}：--${name} 应为 ${allowed.join('、')} 之一；得到 '${echo(value)}'${guess === undefined ? '' : `（是否想用 ${guess}？）`}`,
      en: `shequ ${command}: --${name} must be one of ${allowed.join(', ')}; got '${echo(value)}'${guess === undefined ? '' : ` (did you mean ${guess}?)`}`,
    },
    { zh: `示例：--${name} ${allowed[0]}`, en: `Example: --${name} ${allowed[0]}` },
  );
}

/** The progress line: rows read so far, rows per second and seconds, in a language. */
export function progressLine(rows: number, seconds: number, lang: Lang): string {
  const rate = Math.round(rows / Math.max(seconds, 0.001));
  return lang === 'zh'
    ? `\r已读取 ${rows} 行  每秒 ${rate} 行  ${seconds.toFixed(1)} 秒`
    : `\rrows read: ${rows}  ${rate}/s  ${seconds.toFixed(1)}s`;
}

/**
 * Progress on stderr while reading long inputs, only when stderr is a terminal, in the run's language. `now` is the
 * clock (milliseconds), for tests.
 */
export function progressReporter(
  streams: CliStreams,
  now: () => number = Date.now,
): { tick(rows: number): void; done(): void } {
  if (streams.stderr.isTTY !== true) return { tick: () => undefined, done: () => undefined };
  const lang = messageLang(streams);
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  return {
    tick(rows) {
      const time = now();
      if (time - last < 250) return;
      last = time;
      streams.stderr.write(progressLine(rows, (time - started) / 1000, lang));
    },
    done() {
      streams.stderr.write('\n');
    },
  };
}

/**
 * The `--profile`, `--as-of` (and, where a command takes it, `--period`) every data command takes; the warning (a
 * line for stderr, when the date lies outside every plan period) is in `lang` (default English).
 */
export function profileAndDate(
  command: string,
  values: Record<string, string | boolean | undefined>,
  lang: Lang = 'en',
): {
  profile: 'national' | 'hebei' | 'beijing';
  asOf: string;
  warning: string | undefined;
  period: string | undefined;
} {
  const profile = oneOf(
    command,
    'profile',
    values.profile as string | undefined,
    ['national', 'hebei', 'beijing'] as const,
    'national',
  );
  const given = values['as-of'] as string | undefined;
  const periodGiven = values.period as string | undefined;
  const period =
    periodGiven === undefined
      ? undefined
      : planPeriodById(
          oneOf(
            command,
            'period',
            periodGiven,
            PLAN_PERIODS.map((known) => known.id),
            '14th',
          ),
        );
  // An explicit period (a final evaluation) is judged at its end unless a date is given.
  const asOf = resolveAsOf(given ?? period?.end);
  if (!asOf.success)
    throw new UsageError(
      {
        zh: `shequ ${command}：--as-of 应为 YYYY-MM-DD 格式的日期；得到 '${echo(given ?? '')}'`,
        en: `shequ ${command}: --as-of must be a date YYYY-MM-DD; got '${echo(given ?? '')}'`,
      },
      { zh: '示例：--as-of 2025-12-31', en: 'Example: --as-of 2025-12-31' },
    );
  const warning = period === undefined ? asOfWarning(command, given, asOf.data)?.[lang] : undefined;
  return { profile, asOf: asOf.data, warning, period: period?.id };
}

/**
 * A warning line when the as-of date lies outside every plan period the library knows: before the first, progress
 * is judged against the 十四五 targets, set for a later date; after the last, no targets exist yet (every status
 * `no-target`). Today's date warns too once it is past every period.
 */
function asOfWarning(command: string, given: string | undefined, asOf: string): Bilingual | undefined {
  if (planPeriodAt(asOf) !== undefined) return undefined;
  const first = PLAN_PERIODS[0];
  const last = PLAN_PERIODS[PLAN_PERIODS.length - 1] as PlanPeriod;
  const option = {
    zh: given === undefined ? '今天' : '--as-of',
    en: given === undefined ? 'today' : '--as-of',
  };
  if (asOf < first.start)
    return {
      zh: `shequ ${command}：警告：${option.zh} ${asOf} 早于${first.name.zh}（${first.start} – ${first.end}），没有为该日期设定的目标；进度按 ${first.targetYear} 年的目标判断\n`,
      en: `shequ ${command}: warning: ${option.en} ${asOf} is before the ${first.name.en} (${first.start} – ${first.end}): no plan period known to shequ covers this date; progress is judged against the ${first.targetYear} targets\n`,
    };
  return {
    zh: `shequ ${command}：警告：${option.zh} ${asOf} 晚于${last.name.zh}（${last.start} – ${last.end}），尚无目标（所有状态均为“无目标”）；可用 --profile-file 添加目标\n`,
    en: `shequ ${command}: warning: ${option.en} ${asOf} is after the ${last.name.en} (${last.start} – ${last.end}): no plan period known to shequ covers this date: no targets exist yet (every status is no-target); add them with --profile-file\n`,
  };
}
