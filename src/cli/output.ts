/**
 * Where a command writes: standard output or a file, written as a stream with back-pressure through a partial file
 * renamed once complete (partial-output.ts); the checks of output paths before anything is read.
 */
import { accessSync, createWriteStream, openSync, realpathSync, statSync, type WriteStream } from 'node:fs';
import { access, constants, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { maskIdNumbersInText, maskIdNumbersInUtf8 } from '../core/mask.js';
import {
  BYTE_CHUNK_SIZE,
  type ChunkSink,
  type ChunkTarget,
  createByteSink,
  createChunkSink,
} from '../report/sink.js';
import { areMasked, type CliStreams, echo, UsageError } from './context.js';
import type { Bilingual } from './lang.js';
import {
  completeOutputFile,
  discardOutputsSince,
  type OutputFile,
  outputFile,
  PARTIAL_FLAGS,
} from './partial-output.js';

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
   * A sink for the report writers over {@link Output.chunks}: text is encoded straight into 1 MiB chunks of bytes; a
   * file gets them as they are, standard output through the ID filter (on bytes: a chunk with no run of 15 ID
   * characters is written without being decoded). To a stream that takes text only, string chunks pass the filter.
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
 * How an output option names standard output: `-`, as `-` for FILE is standard input. An output given `-` is written
 * to standard output by {@link openOutput} and {@link writeWholeFile}: never a file named `-`.
 */
export const STANDARD_OUTPUT = '-';

/**
 * Refuses two outputs to standard output (their texts would be mixed into one stream): the outputs besides a command's
 * main one (`--rejects`, `--uncovered`) may name standard output (`-`) only when nothing else goes there. `main` says
 * what the command writes there itself (its results, a summary), `undefined` when it writes to a file. Checked before
 * any work, as a usage error (exit 2).
 */
export function checkStandardOutput(
  command: string,
  outputs: Readonly<Record<string, string | undefined>>,
  main: Bilingual | undefined,
): void {
  let taken = main;
  for (const [option, path] of Object.entries(outputs)) {
    if (path !== STANDARD_OUTPUT) continue;
    if (taken === undefined) {
      taken = { zh: option, en: option };
      continue;
    }
    throw new UsageError(
      {
        zh: `shequ ${command}：${option} - 要写到标准输出，但${taken.zh}已写到那里`,
        en: `shequ ${command}: ${option} - asks for standard output, which already takes ${taken.en}`,
      },
      {
        zh: `两个输出不能都写到标准输出：请给 ${option} 一个文件名${main === undefined ? '' : '，或用 --out FILE 把结果写到文件'}。`,
        en: `Two outputs cannot share standard output: give ${option} a file name${main === undefined ? '' : ', or write the results to a file with --out FILE'}.`,
      },
    );
  }
}

/** What a command's results are called in {@link checkStandardOutput}'s message. */
export const RESULTS: Bilingual = { zh: '结果', en: 'the results' };

/**
 * Checks before any work that a file can be created where asked: its folder exists and is writable, and it is not a
 * folder itself. A long computation must not end in a write error that a check could have found first. Standard
 * output (`-`) is no file to check.
 */
export async function checkWritable(path: string | undefined): Promise<void> {
  if (path === undefined || path === STANDARD_OUTPUT) return;
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
 * Checks a command's output files before any work: none is another output's file or an input ({@link
 * checkDistinctPaths}, for each input; the outputs among themselves without one), and each can be written ({@link
 * checkWritable}).
 */
export async function checkOutputPaths(
  command: string,
  inputs: readonly (string | undefined)[],
  outputs: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  for (const input of inputs.length === 0 ? [undefined] : inputs) checkDistinctPaths(command, input, outputs);
  for (const path of Object.values(outputs)) await checkWritable(path);
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
    // Standard output is no file: two outputs there are checkStandardOutput's to refuse.
    if (path === undefined || path === STANDARD_OUTPUT) continue;
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
 * as it was, not a truncated workbook. A failure is a usage error (exit 2), never a silent loss. `-` is standard output
 * (masked as every write to it is; a workbook never comes here: it needs a file named .xlsx, xlsx-output.ts).
 */
export async function writeWholeFile(
  path: string,
  data: string | Uint8Array,
  streams?: CliStreams,
): Promise<void> {
  if (path === STANDARD_OUTPUT) {
    if (streams === undefined) throw new Error('writeWholeFile: standard output (-) needs the streams');
    const output = openOutput(undefined, streams);
    await output.write(typeof data === 'string' ? data : new TextDecoder().decode(data));
    await output.close();
    return;
  }
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
 * How the report writers' bytes go to standard output, masked there as every write to it is (a chunk ends where a
 * writer's piece ended: whole characters); `undefined` when the stream takes text only.
 */
function stdoutBytes(
  streams: CliStreams,
  masked: boolean,
): ((bytes: Uint8Array) => Promise<void>) | undefined {
  const writeBytes = streams.stdout.writeBytes?.bind(streams.stdout);
  if (writeBytes === undefined) return undefined;
  return masked ? writeBytes : (bytes) => writeBytes(maskIdNumbersInUtf8(bytes));
}

/**
 * Opens `--out FILE` or stdout (`undefined` or `-`; a file is written whole or not at all: partial-output.ts). Free text is masked
 * (`maskIdNumbersInText`) chunk by chunk, each chunk cut after a line break, so that an ID number written across two
 * `write` calls is still seen whole; the report writers' chunks are masked by construction, and on stdout once more.
 * Every write error (a full disk, a vanished folder) rejects with exit 2.
 */
export function openOutput(out: string | undefined, streams: CliStreams): Output {
  let failure: unknown;
  const written = out === undefined || out === STANDARD_OUTPUT ? undefined : outputFile(out);
  const file: WriteStream | undefined = written === undefined ? undefined : openFile(written);
  file?.on('error', (error) => {
    failure ??= error;
  });
  const check = () => {
    if (failure !== undefined) throw cannotWrite(out as string, failure);
  };
  const stdoutMasked = areMasked(streams);
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
      // Each settles once the chunk is written (or failed): the sink may then fill the array again.
      const writeBytes =
        file === undefined
          ? stdoutBytes(streams, stdoutMasked)
          : (bytes: Uint8Array) => new Promise<void>((resolve) => file.write(bytes, () => resolve()));
      if (writeBytes === undefined) return createChunkSink(chunks);
      return createByteSink(
        {
          async write(bytes) {
            await flush(true);
            await writeBytes(bytes);
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
