/**
 * The buffered sink the report writers write through: text is gathered into large chunks (about 1 M UTF-16 code
 * units) and handed to a target, whose answer gives the back-pressure. Writers await only when a chunk was handed
 * over and the target asked them to wait — never once per row. No Node built-in here: the CLI adapts a file stream
 * or stdout to {@link ChunkTarget}, a browser could adapt a WritableStream writer.
 */

/**
 * Where chunks go. `write` may return a promise: the writer waits for it before it fills the next chunk (a file
 * stream's `drain`, a WritableStream writer's `ready`). Each chunk ends where a writer's piece ended (after a row,
 * a line or a closing bracket), never inside a value.
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const target: ChunkTarget = { write: (chunk) => void chunks.push(chunk) };
 * ```
 */
export interface ChunkTarget {
  /** Takes one chunk; a returned promise holds the writer back until it settles (a rejection ends the writing). */
  write(chunk: string): unknown;
}

/**
 * A buffered sink: `write` appends; when a chunk is full it goes to the target and, if the target returned a
 * promise, `write` returns it for the writer to await.
 *
 * @example
 * ```ts
 * const sink: ChunkSink = createChunkSink({ write: () => undefined });
 * ```
 */
export interface ChunkSink {
  /** Appends text; returns a promise only when a chunk went out and the target asked to wait. */
  write(text: string): Promise<unknown> | undefined;
  /** Hands over what is left (and waits for the target). */
  end(): Promise<void>;
}

/** The default chunk: 2^20 UTF-16 code units, 1–3 MB once encoded. */
export const CHUNK_SIZE = 1 << 20;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * Creates a buffered sink over a target.
 *
 * @param target - where the chunks go
 * @param chunkSize - the chunk length in UTF-16 code units (default {@link CHUNK_SIZE})
 * @returns the sink
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) }, 4);
 * sink.write('ab');
 * sink.write('cde');
 * await sink.end();
 * chunks;
 * //=> ['abcde']
 * ```
 */
export function createChunkSink(target: ChunkTarget, chunkSize: number = CHUNK_SIZE): ChunkSink {
  let buffer = '';
  const hand = (): Promise<unknown> | undefined => {
    const chunk = buffer;
    buffer = '';
    const answer = target.write(chunk);
    return isThenable(answer) ? Promise.resolve(answer) : undefined;
  };
  return {
    write(text) {
      buffer += text;
      return buffer.length >= chunkSize ? hand() : undefined;
    },
    async end() {
      if (buffer.length > 0) await hand();
    },
  };
}
