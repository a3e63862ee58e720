/**
 * A small streaming XML tokenizer, only what .xlsx parts need: start and end tags with their attributes, character
 * data (with CDATA), comments and processing instructions skipped. A DTD (`<!DOCTYPE`, `<!ENTITY`) is refused, never
 * read, so that no entity is ever expanded ("billion laughs"); the five XML entities and character references are
 * the only ones decoded, anything else is kept as written and counted.
 */
import { partName, unreadable, XLSX_LIMITS, XlsxStop } from './xlsx-limits.js';

/** What the tokenizer reports to. Text is handed over only while `capturing` is true. */
export interface XmlHandler {
  /** True while the handler wants character data (inside `<v>` or `<t>`). */
  readonly capturing: boolean;
  /** A start tag: local name (prefix dropped), the raw attribute text, and whether it closes itself. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  /** An end tag (also called right after `open` for a self-closing tag). */
  close(name: string): void;
  /** Character data, still escaped (`literal` = from CDATA, not to be unescaped). */
  text(raw: string, literal: boolean): void;
}

/**
 * The work a tokenizer did, counted where it is given one (tests hold the scan linear with it, not with a clock):
 * chunks and characters pushed, and characters of tags scanned for their `>`.
 */
export interface XmlWork {
  /** Calls of `push`. */
  pushes: number;
  /** Characters pushed. */
  pushed: number;
  /** Characters looked at while finding the ends of tags: each once, however the text is cut into chunks. */
  scanned: number;
}

/** A streaming tokenizer: push text in chunks of any size, then `end()`. */
export interface XmlTokenizer {
  push(chunk: string): void;
  end(): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Where the scan for the end of a tag stands: the next index to look at, and the quote it is inside (0: none). */
interface TagScan {
  at: number;
  quote: number;
}

/**
 * Index of the `>` that ends a tag, skipping quoted attribute values, scanning on from `scan` (which it moves);
 * -1 if not yet there. A `<` before it stops the read (`ltInTag`): XML allows none inside a tag, not even in a quoted
 * value, so one means a quote is missing — read on, the tags after it would be taken for attribute text.
 */
function tagEnd(buffer: string, scan: TagScan, ltInTag: () => never): number {
  let quote = scan.quote;
  for (let i = scan.at; i < buffer.length; i++) {
    const c = buffer.charCodeAt(i);
    if (c === 60) ltInTag();
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  scan.at = buffer.length;
  scan.quote = quote;
  return -1;
}

function refuseDtd(): never {
  throw new XlsxStop(
    unreadable(
      '含有 DTD（<!DOCTYPE>），.xlsx 从不含有；为安全起见不予读取',
      'it contains a DTD (<!DOCTYPE>), which .xlsx never has; not read, for safety',
    ),
  );
}

function tooLongTag(): never {
  throw new XlsxStop(unreadable('XML 标签过长', 'an XML tag is too long'));
}

/** The stop of a `<` inside a tag of `part` (see `tagEnd`). */
function ltInTagOf(part: string | undefined): () => never {
  const of =
    part === undefined ? { zh: '', en: '' } : { zh: `${partName(part)} 的 `, en: ` of ${partName(part)}` };
  return () => {
    throw new XlsxStop(
      unreadable(
        `${of.zh}XML 标签内有"<"（XML 不允许；属性值缺少引号，或部件已损坏）`,
        `an XML tag${of.en} holds a "<" (XML forbids it: an attribute value lacks a quote, or the part is damaged)`,
      ),
    );
  };
}

type Mode = 'markup' | 'comment' | 'cdata' | 'instruction';
const CLOSERS: Record<Exclude<Mode, 'markup'>, string> = { comment: '-->', cdata: ']]>', instruction: '?>' };

/** Creates a streaming tokenizer reporting to `handler`; `part` names the part in messages; `work` counts its work. */
export function createXmlTokenizer(handler: XmlHandler, part?: string, work?: XmlWork): XmlTokenizer {
  const ltInTag = ltInTagOf(part);
  let pending = '';
  let mode: Mode = 'markup';
  /**
   * The scan of a tag kept pending (it begins `pending`, so the next buffer): resumed where it stopped, so that a
   * long tag arriving in many chunks is scanned once, not once per chunk (quadratic).
   */
  const kept: TagScan = { at: 0, quote: 0 };

  /** Skips to the end of a comment, CDATA or instruction; returns the position after it, or -1 (kept pending). */
  function skipSpecial(buffer: string, pos: number): number {
    const closer = CLOSERS[mode as Exclude<Mode, 'markup'>];
    const end = buffer.indexOf(closer, pos);
    const stop = end < 0 ? Math.max(pos, buffer.length - closer.length + 1) : end;
    if (mode === 'cdata' && handler.capturing && stop > pos) handler.text(buffer.slice(pos, stop), true);
    if (end < 0) {
      pending = buffer.slice(stop);
      return -1;
    }
    mode = 'markup';
    return end + closer.length;
  }

  /** Hands over text up to the end of the chunk, keeping back an entity cut in two. */
  function trailingText(buffer: string, pos: number): void {
    if (!handler.capturing) return;
    const amp = buffer.lastIndexOf('&');
    const keep = amp >= pos && buffer.indexOf(';', amp) < 0 && buffer.length - amp < 16 ? amp : buffer.length;
    if (keep > pos) handler.text(buffer.slice(pos, keep), false);
    pending = buffer.slice(keep);
  }

  /** Reads the markup starting with `<` at `lt`; returns the position after it, or -1 (kept pending). */
  function markup(buffer: string, lt: number): number {
    const next = buffer.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (buffer.startsWith('<!--', lt)) mode = 'comment';
      else if (buffer.length - lt < 9) return keep(buffer, lt);
      else if (buffer.startsWith('<![CDATA[', lt)) mode = 'cdata';
      else refuseDtd();
      return lt + (mode === 'comment' ? 4 : 9);
    }
    if (next === 63 /* ? */) {
      mode = 'instruction';
      return lt + 2;
    }
    const scan = lt === 0 && kept.at > 0 ? kept : { at: lt + 1, quote: 0 };
    const from = scan.at;
    const gt = tagEnd(buffer, scan, ltInTag);
    if (work !== undefined) work.scanned += (gt < 0 ? buffer.length : gt + 1) - from;
    if (gt < 0) {
      keep(buffer, lt);
      kept.at = scan.at - lt; // pending begins at lt
      kept.quote = scan.quote;
      return -1;
    }
    kept.at = 0;
    if (next === 47 /* / */) {
      handler.close(localName(buffer.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    const selfClosing = buffer.charCodeAt(gt - 1) === 47;
    const body = buffer.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const space = body.search(/[\s/]/);
    const name = localName(space < 0 ? body : body.slice(0, space));
    handler.open(name, space < 0 ? '' : body.slice(space), selfClosing);
    if (selfClosing) handler.close(name);
    return gt + 1;
  }

  function keep(buffer: string, lt: number): number {
    if (buffer.length - lt > XLSX_LIMITS.maxTagLength) tooLongTag();
    pending = buffer.slice(lt);
    return -1;
  }

  return {
    push(chunk: string): void {
      if (work !== undefined) {
        work.pushes++;
        work.pushed += chunk.length;
      }
      const buffer = pending === '' ? chunk : pending + chunk;
      pending = '';
      let pos = 0;
      while (pos < buffer.length) {
        if (mode !== 'markup') {
          pos = skipSpecial(buffer, pos);
          if (pos < 0) return;
          continue;
        }
        const lt = buffer.indexOf('<', pos);
        if (lt < 0) {
          trailingText(buffer, pos);
          return;
        }
        if (lt > pos && handler.capturing) handler.text(buffer.slice(pos, lt), false);
        if (lt + 1 >= buffer.length) {
          pending = buffer.slice(lt);
          return;
        }
        pos = markup(buffer, lt);
        if (pos < 0) return;
      }
    },
    end(): void {
      if (mode !== 'markup' || pending.includes('<'))
        throw new XlsxStop(unreadable('XML 在标签中途结束', 'the XML ends in the middle of a tag'));
      if (pending !== '' && handler.capturing) handler.text(pending, false);
      pending = '';
    },
  };
}

// No prototype: an entity's name is the file's, and `&constructor;` must find nothing, not Object.prototype's function.
const NAMED: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
});
const REFERENCE = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_][\w.-]{0,40});/g;

/** Counts entities that were not decoded (undeclared names, impossible characters). */
export interface EntityTally {
  undeclared: number;
}

function codePointText(reference: string): string | undefined {
  const hex = reference[1] === 'x' || reference[1] === 'X';
  const point = Number.parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
  const valid = point === 9 || point === 10 || point === 13 || (point >= 0x20 && point <= 0x10ffff);
  if (!valid || (point >= 0xd800 && point <= 0xdfff)) return undefined;
  return String.fromCodePoint(point);
}

/**
 * Unescapes XML character data or an attribute value: `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#NN;`/`&#xNN;`.
 * Any other entity is left as written and counted in `tally` (never looked up, never expanded).
 */
export function decodeXmlText(raw: string, tally: EntityTally): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(REFERENCE, (whole, reference: string) => {
    const text = reference[0] === '#' ? codePointText(reference) : NAMED[reference];
    if (text === undefined) tally.undeclared++;
    return text ?? whole;
  });
}

/**
 * Calls `onAttribute` with each attribute of a tag's raw attribute text: local name and unescaped value (namespace
 * declarations skipped). A hand-written scan: this runs for every cell of a sheet.
 */
export function forEachAttribute(
  attributes: string,
  tally: EntityTally,
  onAttribute: (name: string, value: string) => void,
): void {
  let at = 0;
  while (at < attributes.length) {
    const equals = attributes.indexOf('=', at);
    if (equals < 0) return;
    const name = attributes.slice(at, equals).trim();
    let open = equals + 1;
    while (open < attributes.length && attributes.charCodeAt(open) <= 32) open++;
    const quote = attributes[open];
    if (quote !== '"' && quote !== "'") return;
    const close = attributes.indexOf(quote, open + 1);
    if (close < 0) return;
    if (!name.startsWith('xmlns'))
      onAttribute(localName(name), decodeXmlText(attributes.slice(open + 1, close), tally));
    at = close + 1;
  }
}

/** Reads one attribute (by local name) from a tag's raw attribute text, unescaped; `undefined` when absent. */
export function attribute(attributes: string, name: string, tally: EntityTally): string | undefined {
  let found: string | undefined;
  forEachAttribute(attributes, tally, (key, value) => {
    if (key === name && found === undefined) found = value;
  });
  return found;
}
