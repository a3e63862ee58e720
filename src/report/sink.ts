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
  /**
   * Appends UTF-8 bytes that end where a piece of text ended (text already encoded, copied out of a run file);
   * the sink copies them, so the caller may reuse the array. Optional: a sink without it is given decoded text.
   */
  writeBytes?(bytes: Uint8Array): Promise<unknown> | undefined;
  /**
   * `'utf-8'` when the sink keeps bytes as they are (a {@link createByteSink}): a writer may then write UTF-8
   * straight into it. Absent for a sink of text, which would decode them — and a lone surrogate, which text can hold
   * and UTF-8 cannot, would not survive the round trip.
   */
  readonly encoding?: 'utf-8';
}

// ignoreBOM: a text that begins with U+FEFF keeps it (a decoder drops a leading BOM by default).
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Appends UTF-8 bytes to a sink: as bytes when it takes them, else decoded (the bytes must end where a character
 * ends).
 *
 * @param sink - where the bytes go
 * @param bytes - UTF-8 text, whole characters; the array may be reused once this returns
 * @returns a promise only when a chunk went out and the target asked to wait
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) });
 * writeBytesTo(sink, new TextEncoder().encode('社区'));
 * await sink.end();
 * chunks;
 * //=> ['社区']
 * ```
 */
export function writeBytesTo(sink: ChunkSink, bytes: Uint8Array): Promise<unknown> | undefined {
  if (sink.writeBytes !== undefined) return sink.writeBytes(bytes);
  return sink.write(UTF8.decode(bytes));
}

/**
 * The default chunk: 2^20 UTF-16 code units, 1–3 MB once encoded.
 *
 * @example
 * ```ts
 * CHUNK_SIZE;
 * //=> 1048576
 * ```
 */
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
    writeBytes(bytes) {
      buffer += UTF8.decode(bytes);
      return buffer.length >= chunkSize ? hand() : undefined;
    },
  };
}

/**
 * Where byte chunks go: like {@link ChunkTarget}, with the text already encoded as UTF-8. Each chunk is a fresh
 * array the target may keep (a file stream holds it until written).
 *
 * @example
 * ```ts
 * const chunks: Uint8Array[] = [];
 * const target: ByteTarget = { write: (chunk) => void chunks.push(chunk) };
 * ```
 */
export interface ByteTarget {
  /** Takes one chunk of UTF-8; a returned promise holds the writer back until it settles. */
  write(chunk: Uint8Array): unknown;
}

/**
 * Options of {@link createByteSink}.
 *
 * @example
 * ```ts
 * const options: ByteSinkOptions = { recycle: true };
 * ```
 */
export interface ByteSinkOptions {
  /**
   * Reuse a chunk's array once the promise the target returned for it has settled: set it only for a target whose
   * promise means "written, the array is free" (a file stream's write callback), never for one that keeps chunks.
   */
  readonly recycle?: boolean;
}

/**
 * The default byte chunk: 1 MiB.
 *
 * @example
 * ```ts
 * BYTE_CHUNK_SIZE;
 * //=> 1048576
 * ```
 */
export const BYTE_CHUNK_SIZE = 1 << 20;

/**
 * Creates a sink that encodes text as UTF-8 straight into chunks of bytes. Cheaper than gathering one long string
 * and encoding it at the end: a long string built of many pieces is flattened, then encoded a character at a time
 * when it holds Chinese; here each piece is encoded once into place (≈ 3× faster on the national JSON). A text that
 * does not fit goes out in the next chunk whole (or alone, when it is larger than a chunk), so a chunk still ends
 * where a writer's piece ended.
 *
 * @param target - where the chunks go
 * @param chunkSize - the chunk size in bytes (default {@link BYTE_CHUNK_SIZE}; at least 16)
 * @returns the sink
 *
 * @example
 * ```ts
 * const chunks: Uint8Array[] = [];
 * const sink = createByteSink({ write: (chunk) => void chunks.push(chunk) });
 * sink.write('社区');
 * await sink.end();
 * new TextDecoder().decode(chunks[0]);
 * //=> '社区'
 * ```
 */
export function createByteSink(
  target: ByteTarget,
  chunkSize: number = BYTE_CHUNK_SIZE,
  options: ByteSinkOptions = {},
): ChunkSink {
  const size = Math.max(16, Math.floor(chunkSize));
  const encoder = new TextEncoder();
  let buffer: Uint8Array = new Uint8Array(size);
  /** Chunk arrays the target is done with, ready to be filled again (with `recycle`; two at most are kept). */
  const spares: Uint8Array[] = [];
  let used = 0;
  const send = (chunk: Uint8Array): Promise<unknown> | undefined => {
    const answer = target.write(chunk);
    return isThenable(answer) ? Promise.resolve(answer) : undefined;
  };
  /** With `recycle`: the write of the chunk handed last, settled once its array is spare again. */
  let inFlight: Promise<unknown> | undefined;
  const hand = (): Promise<unknown> | undefined => {
    const chunk = buffer.subarray(0, used);
    const handed = buffer;
    buffer = spares.pop() ?? new Uint8Array(size);
    used = 0;
    const answer = send(chunk);
    if (options.recycle !== true || answer === undefined) return answer;
    // The target's promise settles when it is done with the chunk: its array is filled again from then on (two
    // arrays in turn instead of a new megabyte per chunk, which the garbage collector frees late). The writer waits
    // for the chunk before, not this one: this one is written while the next is filled (waiting for each write in
    // turn left the file's writes and the rows' text one after the other — 0.1 s idle in the national JSON).
    const before = inFlight;
    inFlight = answer.then((value) => {
      if (spares.length < 2) spares.push(handed);
      return value;
    });
    inFlight.catch(() => undefined); // awaited by the next hand or by end(): not an unhandled rejection meanwhile
    return before;
  };
  /** Puts encoded text (an array the caller gives up, or a copy) into the chunks. */
  const put = (encoded: Uint8Array): Promise<unknown> | undefined => {
    if (used + encoded.length <= size) {
      buffer.set(encoded, used);
      used += encoded.length;
      return undefined;
    }
    const first = used > 0 ? hand() : undefined;
    if (encoded.length >= size) {
      // Larger than a chunk: it goes out alone, after what was gathered.
      if (first === undefined) return send(encoded);
      return first.then(() => send(encoded));
    }
    buffer.set(encoded, 0);
    used = encoded.length;
    return first;
  };
  return {
    encoding: 'utf-8',
    write(text) {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit: when that fits, one encodeInto does it.
      if (used + text.length * 3 <= size) {
        used += encoder.encodeInto(text, buffer.subarray(used)).written;
        return undefined;
      }
      return put(encoder.encode(text));
    },
    async end() {
      if (used > 0) await hand();
      await inFlight;
    },
    writeBytes(bytes) {
      // A target may keep what it is given: bytes that go out alone are copied first.
      return put(used + bytes.length <= size || bytes.length < size ? bytes : bytes.slice());
    },
  };
}
