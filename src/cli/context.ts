import { accessSync, createWriteStream, openSync, realpathSync, statSync, type WriteStream } from 'node:fs';
import { access, constants, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAsOf } from '../core/as-of.js';
import { maskIdNumbersInText } from '../core/mask.js';
import { PLAN_PERIODS, type PlanPeriod, planPeriodAt, planPeriodById } from '../indicators/periods.js';
import {
  BYTE_CHUNK_SIZE,
  type ChunkSink,
  type ChunkTarget,
  createByteSink,
  createChunkSink,
} from '../report/sink.js';
import { type Bilingual, type Lang, pick } from './lang.js';
import {
  completeOutputFile,
  discardOutputsSince,
  type OutputFile,
  outputFile,
  PARTIAL_FLAGS,
} from './partial-output.js';
import { suggest } from './suggest.js';

/** Where the command writes, whether stderr is a terminal (for progress), and in which language it speaks. */
export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
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
  if ((streams as { [MASKED]?: boolean })[MASKED] === true) return streams;
  const masked = (text: unknown) => (typeof text === 'string' ? maskIdNumbersInText(text) : text);
  const stdout = streams.stdout;
  const stderr = streams.stderr;
  return {
    stdout: { write: (text: string) => stdout.write(masked(text) as string) },
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

/** The streams speaking a language: the same streams (masked or not, a terminal or not) with `lang` set. */
export function withLang(streams: CliStreams, lang: Lang): CliStreams {
  return Object.assign(Object.create(streams) as CliStreams, { lang });
}

/** An argument as it may be echoed in a message: one line, at most 60 characters. */
export function echo(argument: string): string {
  const line = argument.replace(/[\r\n\t]+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
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

/** Parses a command's arguments; unknown options (with a "did you mean") and extra positionals are usage errors. */
export function parse(
  command: string,
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  maxPositionals = Number.POSITIVE_INFINITY,
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
    throw new UsageError(
      {
        zh: `shequ ${command}：一次只处理一个文件；给了 ${count} 个参数（多出：'${extra}'）`,
        en: `shequ ${command}: one FILE at a time; got ${count} arguments (extra: '${extra}')`,
      },
      { zh: `示例：shequ ${command} 统计表.csv`, en: `Example: shequ ${command} 统计表.csv` },
    );
  }
  return {
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
  };
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

/**
 * An output: stdout, or a file written as a stream (never built as one string). Text is gathered into chunks of
 * 64 kB and written with back-pressure, so a large output never piles up in memory.
 */
export interface Output {
  /** Free text (tables, Markdown): masked by the output's ID filter. */
  write(text: string): Promise<void>;
  /**
   * The target of the report writers (src/report): their chunks are masked by construction — each string and long
   * number masked as the filter would mask it, property-tested equal to the filtered text — so a file gets them as
   * they are (the filter would scan every byte again: ≈ 270 ms of 114 MB for the national file). Standard output
   * still masks them: it is the last line of defence for everything printed. Back-pressure: a promise while the
   * file stream is full.
   */
  readonly chunks: ChunkTarget;
  /**
   * A sink for the report writers over {@link Output.chunks}: to a file, text is encoded straight into 1 MiB chunks
   * of bytes (the file gets them as they are); to standard output, string chunks pass the ID filter.
   */
  sink(): ChunkSink;
  close(): Promise<void>;
}

const CHUNK = 1 << 16;

/** Why a path cannot be written, as a usage error (exit 2). */
function cannotWrite(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new UsageError(
    { zh: `shequ：无法写入 ${echo(path)}（${code}）`, en: `shequ: cannot write ${echo(path)} (${code})` },
    {
      zh: '请检查该文件夹是否存在、是否可写。',
      en: 'Check that the folder exists and can be written to.',
    },
  );
}

/**
 * Checks before any work that a file can be created where asked: its folder exists and is writable, and it is not a
 * folder itself. A long computation must not end in a write error that a check could have found first.
 */
export async function checkWritable(path: string | undefined): Promise<void> {
  if (path === undefined) return;
  try {
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory() === true) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    await access(dirname(path), constants.W_OK);
    // A file the user may not write (read-only, another's) is not replaced: see refuseReadOnly.
    if (existing?.isFile() === true) await access(path, constants.W_OK);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * What names one file whatever the path that leads to it: an existing file is its device and inode (a symlink, a hard
 * link or a symlinked folder lead to the input itself), a file not yet written is its folder's real path and its name.
 */
export function fileIdentity(path: string): string {
  try {
    const { dev, ino } = statSync(path);
    return `inode:${dev}:${ino}`;
  } catch {
    try {
      return resolve(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Refuses outputs that would destroy something: two outputs to one file (`--out x --rejects x`: one would silently
 * replace the other), or an output over the input file.
 */
export function checkDistinctPaths(
  command: string,
  input: string | undefined,
  outputs: Readonly<Record<string, string | undefined>>,
): void {
  const seen = new Map<string, string>();
  if (input !== undefined && input !== '-') seen.set(fileIdentity(input), 'FILE');
  for (const [option, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    const earlier = seen.get(fileIdentity(path));
    if (earlier !== undefined)
      throw new UsageError(
        {
          zh: `shequ ${command}：${option} 与 ${earlier} 指向同一个文件（${echo(path)}）`,
          en: `shequ ${command}: ${option} and ${earlier} name the same file (${echo(path)})`,
        },
        earlier === 'FILE'
          ? {
              zh: '请把结果写到另一个文件：否则输入文件会被覆盖。',
              en: 'Write the results to another file: the input would be overwritten.',
            }
          : { zh: '每个输出请用各自的文件。', en: 'Give each output its own file.' },
      );
    seen.set(fileIdentity(path), option);
  }
}

/**
 * Writes a whole file (a workbook, `circle --uncovered`) as `--out` is written (partial-output.ts): into a partial
 * file renamed over the target once complete, so that a write failing half-way (a full disk) leaves the earlier file
 * as it was, not a truncated workbook. A failure is a usage error (exit 2), never a silent loss.
 */
export async function writeWholeFile(path: string, data: string | Uint8Array): Promise<void> {
  const written = outputFile(path);
  try {
    refuseReadOnly(written);
    const flag = written.target === undefined ? 'w' : PARTIAL_FLAGS;
    await writeFile(written.path, data, { mode: written.mode ?? 0o666, flag });
    await completeOutputFile(written);
  } catch (error) {
    discardOutputsSince(0, written.path);
    throw cannotWrite(path, error);
  }
}

/** Characters that never belong to an ID-shaped run: a cut just after one never splits an ID number. */
const SAFE_CUT = /[\n,"<>|{}[\]]/;

/** Where pending text may be cut: after its last line break (or another safe character); 0 when nowhere. */
function safeCut(pending: string): number {
  const newline = pending.lastIndexOf('\n');
  if (newline >= 0) return newline + 1;
  for (let i = pending.length - 1; i >= 0; i--) if (SAFE_CUT.test(pending[i] as string)) return i + 1;
  return 0;
}

/**
 * Refuses to replace a file the user may not write (EACCES, as writing it in place did): the partial file's rename
 * needs only the folder to be writable, and would silently replace a file made read-only to keep it, or another
 * user's file in a shared folder.
 */
function refuseReadOnly(written: OutputFile): void {
  if (written.target !== undefined && written.mode !== undefined) accessSync(written.target, constants.W_OK);
}

/**
 * Opens an output's file for writing, at once (a run that fails right after must find the file there to remove it);
 * a failure to open is a usage error (exit 2), naming the target.
 */
function openFile(written: OutputFile): WriteStream {
  try {
    refuseReadOnly(written);
    // In place ('w') only when the target itself is opened (a pipe, a device, a symlink the user named).
    const flags = written.target === undefined ? 'w' : PARTIAL_FLAGS;
    const fd = openSync(written.path, flags, written.mode ?? 0o666);
    return createWriteStream(written.path, { fd });
  } catch (error) {
    discardOutputsSince(0, written.path);
    throw cannotWrite(written.target ?? written.path, error);
  }
}

/**
 * Opens `--out FILE` or stdout (a file is written whole or not at all: partial-output.ts). Everything written is masked (`maskIdNumbersInText`) chunk by chunk, each chunk cut
 * after a line break, so that an ID number written across two `write` calls is still seen whole. Every write error
 * (a full disk, a vanished folder) rejects with exit 2.
 */
export function openOutput(out: string | undefined, streams: CliStreams): Output {
  let failure: unknown;
  const written = out === undefined ? undefined : outputFile(out);
  const file: WriteStream | undefined = written === undefined ? undefined : openFile(written);
  file?.on('error', (error) => {
    failure ??= error;
  });
  const check = () => {
    if (failure !== undefined) throw cannotWrite(out as string, failure);
  };
  const stdoutMasked = (streams as { [MASKED]?: boolean })[MASKED] === true;
  let pending = '';
  /** Writes to the file; waits while its buffer is full (`drain`), and reports a write error. */
  const toFile = async (stream: WriteStream, text: string | Uint8Array) => {
    if (!stream.write(text))
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    check();
  };
  const flush = async (final: boolean) => {
    check();
    const cut = final ? pending.length : safeCut(pending);
    if (cut === 0) return;
    const raw = pending.slice(0, cut);
    pending = pending.slice(cut);
    if (file === undefined) streams.stdout.write(stdoutMasked ? raw : maskIdNumbersInText(raw));
    else await toFile(file, maskIdNumbersInText(raw));
  };
  const chunks: ChunkTarget = {
    async write(chunk: string) {
      await flush(true); // free text written before goes first
      if (file === undefined) streams.stdout.write(stdoutMasked ? chunk : maskIdNumbersInText(chunk));
      else await toFile(file, chunk);
    },
  };
  return {
    chunks,
    sink() {
      if (file === undefined) return createChunkSink(chunks);
      return createByteSink(
        {
          async write(bytes) {
            await flush(true);
            // Settles once the stream has written the chunk (or failed): the sink may then fill the array again.
            await new Promise<void>((resolve) => file.write(bytes, () => resolve()));
            check();
          },
        },
        BYTE_CHUNK_SIZE,
        { recycle: true },
      );
    },
    async write(text) {
      pending += text;
      if (pending.length >= CHUNK) await flush(false);
    },
    async close() {
      await flush(true);
      if (file !== undefined) {
        await new Promise<void>((resolve) => {
          if (failure !== undefined || file.closed) resolve();
          else {
            file.once('close', () => resolve());
            file.end();
          }
        });
        check();
        try {
          await completeOutputFile(written as OutputFile);
        } catch (error) {
          throw cannotWrite(out as string, error);
        }
      }
    },
  };
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
