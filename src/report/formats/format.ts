/**
 * What an output format is: a function from a column model and its rows to text pieces. Writing to a sink, or
 * joining into a string, is the same for every format (here), so a format is one file of pieces.
 */
import type { ColumnModel, ColumnView, RenderContext, ReportLang } from '../columns.js';
import type { ChunkSink } from '../sink.js';

/**
 * Options of a format.
 *
 * @example
 * ```ts
 * const options: FormatOptions = { lang: 'en' };
 * ```
 */
export interface FormatOptions {
  /** The language of headers and messages (default Chinese). */
  readonly lang?: ReportLang;
  /** Names of indicators, rules and regions (default: the catalogues', in `lang`). */
  readonly context?: RenderContext;
}

/**
 * An output format: its id, the view of the model it writes, and its text as pieces, each ending where a row (or
 * the header, or the end) ended. Rows are taken one at a time (a generator is never collected, except by a format
 * that must see every row first, such as the aligned terminal table).
 *
 * @example
 * ```ts
 * const upper: OutputFormat = {
 *   id: 'keys',
 *   view: 'data',
 *   *text(model) { yield `${model.views.data.join(' ')}\n`; },
 * };
 * ```
 */
export interface OutputFormat {
  /** The format's name (`csv`, `md`, …). */
  readonly id: string;
  /** The view it writes. */
  readonly view: ColumnView;
  /** The text of the rows, piece by piece. */
  text<Row>(model: ColumnModel<Row>, rows: Iterable<Row>, options: FormatOptions): Iterable<string>;
}

/**
 * Writes text pieces to a sink, awaiting it only when it hands a chunk over.
 *
 * @param pieces - the pieces
 * @param sink - where they go (call `sink.end()` after)
 * @returns when every piece is in the sink
 *
 * @example
 * ```ts
 * await writePieces(['a', 'b'], sink);
 * ```
 */
export async function writePieces(pieces: Iterable<string>, sink: ChunkSink): Promise<void> {
  for (const piece of pieces) {
    const wait = sink.write(piece);
    if (wait !== undefined) await wait;
  }
}

/** The pieces joined. */
export function joinPieces(pieces: Iterable<string>): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}
