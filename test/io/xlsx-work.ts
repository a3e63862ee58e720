/**
 * The .xlsx reader's tokenizers made to count their work (see `XmlWork`), for the tests that hold a read's work
 * linear instead of timing it. In a test file:
 *
 * ```ts
 * const work = vi.hoisted(() => ({ pushes: 0, pushed: 0, scanned: 0 }));
 * vi.mock('../../src/io/xlsx-xml.js', async (original) => (await import('./xlsx-work.js')).counting(await original(), work));
 * ```
 */
import type * as XlsxXml from '../../src/io/xlsx-xml.js';
import type { XmlWork } from '../../src/io/xlsx-xml.js';

/** The module with every tokenizer it creates counting into `work` (unless its caller gives its own count). */
export function counting(actual: typeof XlsxXml, work: XmlWork): typeof XlsxXml {
  return {
    ...actual,
    createXmlTokenizer: (handler, part, own) => actual.createXmlTokenizer(handler, part, own ?? work),
  };
}

/** Sets every count of `work` back to 0. */
export function resetWork(work: XmlWork): void {
  Object.assign(work, { pushes: 0, pushed: 0, scanned: 0 });
}
