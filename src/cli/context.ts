import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { maskIdNumbersInText, resolveAsOf } from 'shequ';

/** Where the command writes, and whether stderr is a terminal (for progress). */
export interface CliStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin?: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
}

/** A usage error: a one-line message and a hint; exit code 2. Both are masked: they may echo an argument. */
export class UsageError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(maskIdNumbersInText(message));
    this.hint = maskIdNumbersInText(hint);
  }
}

/** Marks streams whose writes are masked already, so that an output to them is not masked twice. */
const MASKED = Symbol('shequ.maskedStreams');

/**
 * The streams with every write masked (`maskIdNumbersInText`): the last line of defence, so that nothing the CLI
 * prints — results, messages, echoed arguments — holds a full ID number. Each write is masked on its own; every
 * writer of the CLI writes whole lines or whole items, and an ID number never spans a line break.
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
    [MASKED]: true,
  } as CliStreams;
}

/** The options every data command shares. */
export const DATA_OPTIONS = {
  profile: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  divisions: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses a command's arguments; unknown options are usage errors. */
export function parse(
  command: string,
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError(
      `shequ ${command}: ${(error as Error).message}`,
      `Run 'shequ ${command} --help' for the options.`,
    );
  }
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
  throw new UsageError(
    `shequ ${command}: --${name} must be one of ${allowed.join(', ')}; got '${value}'`,
    `Example: --${name} ${allowed[0]}`,
  );
}

/**
 * An output: stdout, or a file written as a stream (never built as one string). Text is gathered into chunks of
 * 64 kB and written with back-pressure, so a large output never piles up in memory.
 */
export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 1 << 16;

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
 * Opens `--out FILE` or stdout. Everything written is masked (`maskIdNumbersInText`) chunk by chunk, each chunk cut
 * after a line break, so that an ID number written across two `write` calls is still seen whole.
 */
export function openOutput(out: string | undefined, streams: CliStreams): Output {
  const file = out === undefined ? undefined : createWriteStream(out);
  const stdoutMasked = (streams as { [MASKED]?: boolean })[MASKED] === true;
  let pending = '';
  const flush = async (final: boolean) => {
    const cut = final ? pending.length : safeCut(pending);
    if (cut === 0) return;
    const raw = pending.slice(0, cut);
    pending = pending.slice(cut);
    if (file === undefined) {
      streams.stdout.write(stdoutMasked ? raw : maskIdNumbersInText(raw));
      return;
    }
    if (!file.write(maskIdNumbersInText(raw)))
      await new Promise<void>((resolve) => file.once('drain', () => resolve()));
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= CHUNK) await flush(false);
    },
    async close() {
      await flush(true);
      if (file !== undefined) {
        await new Promise<void>((resolve, reject) => {
          file.on('error', reject);
          file.end(resolve);
        });
      }
    },
  };
}

/** Progress on stderr while reading long inputs, only when stderr is a terminal. */
export function progressReporter(streams: CliStreams): { tick(rows: number): void; done(): void } {
  if (streams.stderr.isTTY !== true) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  return {
    tick(rows) {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      const seconds = (now - started) / 1000;
      streams.stderr.write(
        `\r读取 rows read: ${rows}  ${Math.round(rows / Math.max(seconds, 0.001))}/s  ${seconds.toFixed(1)}s`,
      );
    },
    done() {
      streams.stderr.write('\n');
    },
  };
}

/** The `--profile` and `--as-of` every data command takes: a built-in profile name and a resolved date. */
export function profileAndDate(
  command: string,
  values: Record<string, string | boolean | undefined>,
): { profile: 'national' | 'hebei' | 'beijing'; asOf: string } {
  const profile = oneOf(
    command,
    'profile',
    values.profile as string | undefined,
    ['national', 'hebei', 'beijing'] as const,
    'national',
  );
  const asOf = resolveAsOf(values['as-of'] as string | undefined);
  if (!asOf.success)
    throw new UsageError(
      `shequ ${command}: --as-of must be a date YYYY-MM-DD`,
      'Example: --as-of 2025-12-31',
    );
  return { profile, asOf: asOf.data };
}
