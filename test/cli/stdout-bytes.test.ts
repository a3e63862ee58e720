import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type CliStreams, maskedStreams } from '../../src/cli/context.js';
import { openOutput } from '../../src/cli/output.js';
import { maskIdNumbersInText } from '../../src/codes/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';

// Standard output takes the report writers' UTF-8 bytes (as a file does) and still masks them: a writer's chunk that
// held a full ID number would be masked there, whichever way the streams come (masked by the CLI's entry, or not).

/** Streams whose standard output takes bytes, and what it was given, in order. */
function byteStreams() {
  const written: (string | Uint8Array)[] = [];
  const streams: CliStreams = {
    stdout: {
      write: (text: string) => void written.push(text),
      writeBytes: async (bytes: Uint8Array) => void written.push(bytes.slice()),
    },
    stderr: { write: () => undefined },
  };
  const text = () =>
    written.map((piece) => (typeof piece === 'string' ? piece : new TextDecoder().decode(piece))).join('');
  return { streams, written, text };
}

/** Text around ID numbers in every written form, as a hostile unit name would put them in a report. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ID_VARIANTS),
      fc.string({
        unit: fc.constantFrom('社', '区', '"', ',', ' ', '1', '9', 'X', '\n', '😀'),
        maxLength: 12,
      }),
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

describe('standard output of the report writers', () => {
  test.prop([hostileText, fc.boolean()])(
    'gets bytes, masked as the text filter masks them',
    async (text, viaEntry) => {
      const { streams, written, text: printed } = byteStreams();
      const output = openOutput(undefined, viaEntry ? maskedStreams(streams) : streams);
      const sink = output.sink();
      await sink.write(text);
      await sink.end();
      await output.close();
      expect(written.every((piece) => piece instanceof Uint8Array)).toBe(true);
      expect(printed()).toBe(maskIdNumbersInText(text));
      expect(findIdNumbers(printed())).toEqual([]);
    },
  );

  it('writes free text written before a report first, and a chunk of 1 MiB or more whole', async () => {
    const { streams, text } = byteStreams();
    const output = openOutput(undefined, maskedStreams(streams));
    await output.write('标题 11010519491231002X\n');
    const sink = output.sink();
    const long = `${'社区,'.repeat(400_000)}11010519491231002X`;
    await sink.write(long);
    await sink.end();
    await output.close();
    expect(text()).toBe(maskIdNumbersInText(`标题 11010519491231002X\n${long}`));
    expect(findIdNumbers(text())).toEqual([]);
  });

  it('gets text through write when it takes no bytes', async () => {
    const written: string[] = [];
    const output = openOutput(undefined, {
      stdout: { write: (t) => void written.push(t) },
      stderr: { write: () => undefined },
    });
    const sink = output.sink();
    await sink.write('名称 11010519491231002X');
    await sink.end();
    await output.close();
    expect(written.join('')).toBe(maskIdNumbersInText('名称 11010519491231002X'));
  });
});
