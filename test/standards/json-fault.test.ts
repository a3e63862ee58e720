import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { jsonFaultOffset } from '../../src/standards/json-fault.js';
import { loadProfile } from '../../src/standards/profile-file.js';

// The reader that finds where JSON text goes wrong (a profile file's syntax error names its line whatever the
// engine's message says): over JSON texts broken every way — a character put in, one taken out, the text cut — it
// finds a fault exactly when JSON.parse refuses the text, and where JSON.parse gives a position, the same one.

/** JSON text, some of it pretty-printed with CRLF or CR line ends. */
const jsonText = fc
  .tuple(fc.json(), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([text, end, pretty]) =>
    pretty ? JSON.stringify(JSON.parse(text), null, 1).replace(/\n/g, end) : text,
  );

/** A change to text: a character (or the head of a \\u escape) put in, one taken out, the text cut. */
const change = fc.oneof(
  fc
    .tuple(fc.nat(), fc.constantFrom(...'{}[],:"\\x@0-.e \n\r\t\u0001', '\\u', '\\u0', '\\u1F', '\\uD83'))
    .map(
      ([at, c]) =>
        (text: string) =>
          text.slice(0, at % (text.length + 1)) + c + text.slice(at % (text.length + 1)),
    ),
  fc
    .nat()
    .map((at) => (text: string) => text.slice(0, at % text.length) + text.slice((at % text.length) + 1)),
  fc.nat().map((at) => (text: string) => text.slice(0, at % text.length)),
);

/** What JSON.parse makes of text: whether it is JSON, and the position its message gives. */
function parsed(text: string): { ok: boolean; position?: number } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return position === undefined ? { ok: false } : { ok: false, position: Number(position) };
  }
}

describe('jsonFaultOffset', () => {
  test.prop([jsonText, fc.array(change, { minLength: 0, maxLength: 3 })], { numRuns: 2000 })(
    'a fault exactly when JSON.parse refuses the text, at the position JSON.parse gives',
    (text, changes) => {
      const broken = changes.reduce((t, apply) => apply(t), text);
      const engine = parsed(broken);
      const fault = jsonFaultOffset(broken);
      expect(fault === undefined).toBe(engine.ok);
      if (engine.position !== undefined) expect(fault).toBe(engine.position);
    },
  );

  it('hand-worked: a stray letter, a trailing comma, a text cut short, a deep nesting, a bad \\u escape', () => {
    expect(jsonFaultOffset('{\n  "id": x\n}')).toBe(10);
    expect(jsonFaultOffset('[1,2,]')).toBe(5);
    expect(jsonFaultOffset('{"a": [1, 2')).toBe(11);
    expect(jsonFaultOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
    expect(jsonFaultOffset(`${'['.repeat(100_000)}}`)).toBe(100_000);
    // A \u escape goes wrong at its first character that is no hex digit, or where the text ends.
    expect(jsonFaultOffset('"\\u12x4"')).toBe(5);
    expect(jsonFaultOffset('"\\u"')).toBe(3);
    expect(jsonFaultOffset('"\\u12')).toBe(5);
  });
});

describe('loadProfile: a syntax error names the line it is on', () => {
  it('whichever the fault, whatever the line ends', () => {
    for (const end of ['\n', '\r\n', '\r']) {
      const text = ['{', ' "id": "x",', '', ' "extends": hebei', '}'].join(end);
      const result = loadProfile(text);
      expect(!result.success && result.error.issues[0]).toMatchObject({
        code: 'invalid_json',
        line: 4,
        message: { en: 'Not valid JSON: line 4, column 13' },
      });
    }
  });
});
