// Where JSON text goes wrong: the offset of its first fault, found by reading it as the JSON grammar says (RFC 8259).
// JSON.parse says where only for some faults, in words that change with the engine ("Unexpected token 'x', "…" is
// not valid JSON" gives no position in Node 20): a profile file's syntax error must name its line whatever it is.

/** The fault found at an offset: thrown inside the reader, caught once at its top. */
class Fault {
  constructor(readonly at: number) {}
}

/** The offset after the JSON white space (space, tab, LF, CR) at `i`. */
function skipSpace(text: string, i: number): number {
  let at = i;
  for (
    let c = text.charCodeAt(at);
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    c = text.charCodeAt(at)
  )
    at++;
  return at;
}

const HEX_DIGIT = /^[0-9a-fA-F]$/;

/** The offset after the string whose opening quote is at `i`; a fault at a control character or a bad escape. */
function skipString(text: string, i: number): number {
  for (let at = i + 1; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x22) return at + 1;
    if (c < 0x20) throw new Fault(at);
    if (c !== 0x5c) continue;
    const escaped = text[at + 1];
    if (escaped === 'u') {
      for (let k = at + 2; k < at + 6; k++) if (!HEX_DIGIT.test(text[k] ?? '')) throw new Fault(k);
      at += 5;
    } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) at++;
    else throw new Fault(at + 1);
  }
  throw new Fault(text.length);
}

/** The offset after the digits at `i`; a fault at `i` when there is none (`-x`, `1.`, `1e+`). */
function skipDigits(text: string, i: number): number {
  let at = i;
  while (text.charCodeAt(at) >= 0x30 && text.charCodeAt(at) <= 0x39) at++;
  if (at === i) throw new Fault(i);
  return at;
}

/** The offset after the number at `i`: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?. */
function skipNumber(text: string, i: number): number {
  let at = text[i] === '-' ? i + 1 : i;
  at = text[at] === '0' ? at + 1 : skipDigits(text, at);
  if (text[at] === '.') at = skipDigits(text, at + 1);
  if (text[at] === 'e' || text[at] === 'E')
    at = skipDigits(text, text[at + 1] === '+' || text[at + 1] === '-' ? at + 2 : at + 1);
  return at;
}

const LITERALS: Readonly<Record<string, string>> = { t: 'true', f: 'false', n: 'null' };

/** The offset after the string, number or literal at `i`; a fault at `i` when none starts there (or inside a literal). */
function skipScalar(text: string, i: number): number {
  const first = text[i] ?? '';
  if (first === '"') return skipString(text, i);
  if (first === '-' || (first >= '0' && first <= '9')) return skipNumber(text, i);
  const literal = LITERALS[first];
  if (literal === undefined) throw new Fault(i);
  for (let k = 1; k < literal.length; k++) if (text[i + k] !== literal[k]) throw new Fault(i + k);
  return i + literal.length;
}

/** Reads the text as JSON, objects and arrays kept on a stack (a deep nesting is no recursion); throws its fault. */
function readJson(text: string): void {
  const closers: string[] = [];
  let i = skipSpace(text, 0);
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (state === 'key') {
      if (text[i] !== '"') throw new Fault(i);
      i = skipSpace(text, skipString(text, i));
      if (text[i] !== ':') throw new Fault(i);
      i = skipSpace(text, i + 1);
      state = 'value';
    } else if (state === 'value') {
      const opened = text[i] === '{' ? '}' : text[i] === '[' ? ']' : undefined;
      if (opened === undefined) {
        i = skipSpace(text, skipScalar(text, i));
        state = 'after';
        continue;
      }
      closers.push(opened);
      i = skipSpace(text, i + 1);
      if (text[i] === opened) {
        closers.pop();
        i = skipSpace(text, i + 1);
        state = 'after';
      } else state = opened === '}' ? 'key' : 'value';
    } else {
      const closer = closers.at(-1);
      if (closer === undefined) {
        if (i === text.length) return;
        throw new Fault(i);
      }
      if (text[i] === ',') state = closer === '}' ? 'key' : 'value';
      else if (text[i] === closer) closers.pop();
      else throw new Fault(i);
      i = skipSpace(text, i + 1);
    }
  }
}

/**
 * The offset of the first fault of JSON text (`text.length` when it ends too soon), or undefined when it is JSON.
 *
 * @example
 * ```ts
 * jsonFaultOffset('{\n  "id": x\n}');
 * //=> 10 (the x)
 * ```
 */
export function jsonFaultOffset(text: string): number | undefined {
  try {
    readJson(text);
    return undefined;
  } catch (fault) {
    if (fault instanceof Fault) return fault.at;
    throw fault;
  }
}
