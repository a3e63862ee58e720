import { guarded, invalidOption } from '../core/guard.js';
import { createIssue, type LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { type DivisionCode, parseDivisionCode } from './division-code.js';

/**
 * One division of a dataset, as the caller supplies it.
 *
 * @example
 * ```ts
 * import type { DivisionRecord } from 'shequ';
 * const record: DivisionRecord = { code: '130629400000', name: '容东片区', parent: '130629000000' };
 * ```
 */
export interface DivisionRecord {
  /** 12-digit statistical code. */
  readonly code: string;
  /** Name, e.g. 建外街道. */
  readonly name: string;
  /** 12-digit code of the division above; omitted means the prefix rule. Set it where reality differs (雄安新区). */
  readonly parent?: string | null;
  /** 城乡分类代码 of a village-level unit, where the source has it. */
  readonly urbanRural?: string;
}

/**
 * Metadata of a division dataset: which list, from where, as of when.
 *
 * @example
 * ```ts
 * import type { DivisionDatasetInfo } from 'shequ';
 * const info: DivisionDatasetInfo = {
 *   id: 'my-district-2025',
 *   name: { zh: '某区 2025 年社区名单', en: 'District list 2025' },
 *   source: '区民政局',
 *   referenceDate: '2025-06-30',
 * };
 * ```
 */
export interface DivisionDatasetInfo {
  /** A short stable identifier. */
  readonly id: string;
  /** What the list is. */
  readonly name: LocalizedText;
  /** Where it comes from (publisher, document, package). */
  readonly source: string;
  /** The date the list describes, `'YYYY-MM-DD'`. */
  readonly referenceDate: string;
}

/**
 * A list of divisions keyed by 12-digit code, with where it comes from. Functions that need one take it as an
 * argument; the shipped lists live on their own subpaths (`shequ/divisions/beijing`, `shequ/divisions/hebei`).
 *
 * @example
 * ```ts
 * import { createDivisionDataset, type DivisionDataset } from 'shequ';
 * const dataset: DivisionDataset = createDivisionDataset(
 *   { id: 'demo', name: { zh: '示例', en: 'demo' }, source: 'hand-written', referenceDate: '2025-06-30' },
 *   [{ code: '110105001001', name: '建外街道某社区' }],
 * );
 * dataset.divisions.size;
 * //=> 1
 * ```
 */
export interface DivisionDataset extends DivisionDatasetInfo {
  /** The divisions, by 12-digit code. */
  readonly divisions: ReadonlyMap<string, DivisionRecord>;
}

/**
 * Builds a {@link DivisionDataset} from records. Codes in a shorter form (2/4/6/9 digits) are padded; a record
 * whose code is not a valid division code is left out and listed in `rejected`, so nothing disappears unseen.
 *
 * @param info - id, name, source and reference date
 * @param records - the divisions
 * @returns the dataset (with `rejected` holding the codes of records left out, if any)
 *
 * @example
 * ```ts
 * import { createDivisionDataset } from 'shequ';
 * const dataset = createDivisionDataset(
 *   { id: 'demo', name: { zh: '示例', en: 'demo' }, source: 'hand-written', referenceDate: '2025-06-30' },
 *   [{ code: '110105', name: '朝阳区' }, { code: 'oops', name: '?' }],
 * );
 * [...dataset.divisions.keys()];
 * //=> ['110105000000']
 * dataset.rejected;
 * //=> ['oops']
 * ```
 */
export function createDivisionDataset(
  info: DivisionDatasetInfo,
  records: Iterable<DivisionRecord>,
): DivisionDataset & {
  /** Codes of the records left out because they are not valid division codes. */
  readonly rejected: readonly string[];
} {
  const divisions = new Map<string, DivisionRecord>();
  const rejected: string[] = [];
  for (const record of records) {
    const parsed = parseDivisionCode(record.code);
    if (parsed.success) divisions.set(parsed.data.code, { ...record, code: parsed.data.code });
    else rejected.push(String(record.code));
  }
  return { ...info, divisions, rejected };
}

/**
 * A division code checked against a dataset: the parsed code plus what the dataset says of it.
 *
 * @example
 * ```ts
 * import { lookupDivision, createDivisionDataset, type DivisionMatch } from 'shequ';
 * const dataset = createDivisionDataset(
 *   { id: 'demo', name: { zh: '示例', en: 'demo' }, source: 'hand-written', referenceDate: '2025-06-30' },
 *   [{ code: '110105000000', name: '朝阳区' }],
 * );
 * const result = lookupDivision('110105', dataset);
 * if (result.success) {
 *   const match: DivisionMatch = result.data;
 *   match.name;
 *   //=> '朝阳区'
 * }
 * ```
 */
export interface DivisionMatch extends DivisionCode {
  /** The name in the dataset, or `null` when the code is not in it. */
  readonly name: string | null;
  /** Whether the dataset lists the code. */
  readonly inDataset: boolean;
  /** The dataset's id. */
  readonly dataset: string;
  /** 城乡分类代码 from the dataset, where it has one. */
  readonly urbanRural?: string;
}

/**
 * Checks a division code's structure and looks it up in a caller-supplied dataset. A code absent from the
 * dataset is still valid (datasets age: the last national list is of 2023-06-30): the result succeeds with an
 * `unknown_division` warning naming the dataset. An explicit parent in the dataset replaces the prefix rule's.
 *
 * @param code - a division code in any accepted form
 * @param dataset - the list to look in
 * @returns the parsed code with the dataset's name and parent, or the code's structural issues
 *
 * @example
 * ```ts
 * import { lookupDivision } from 'shequ';
 * import { beijingDivisions } from 'shequ/divisions/beijing';
 * const found = lookupDivision('110105', beijingDivisions);
 * found.success && found.data.name;
 * //=> '朝阳区'
 * lookupDivision('110105999999', beijingDivisions).warnings?.[0]?.code;
 * //=> 'unknown_division'
 * ```
 */
export function lookupDivision(code: unknown, dataset: DivisionDataset): Result<DivisionMatch> {
  return guarded(() => {
    const divisions = (dataset as { divisions?: unknown } | null | undefined)?.divisions;
    if (
      divisions === null ||
      typeof divisions !== 'object' ||
      typeof (divisions as Map<string, unknown>).get !== 'function'
    ) {
      return failure([
        invalidOption(
          ['dataset'],
          'dataset 应为区划数据集（createDivisionDataset 的结果）',
          'dataset must be a division dataset (from createDivisionDataset)',
        ),
      ]);
    }
    return lookupIn(code, dataset);
  });
}

function lookupIn(code: unknown, dataset: DivisionDataset): Result<DivisionMatch> {
  const parsed = parseDivisionCode(code);
  if (!parsed.success) return parsed;
  const record = dataset.divisions.get(parsed.data.code);
  if (record === undefined) {
    return success({ ...parsed.data, name: null, inDataset: false, dataset: dataset.id }, [
      createIssue(
        'unknown_division',
        {
          zh: `区划代码不在数据集“${dataset.name.zh}”（${dataset.referenceDate}）中`,
          en: `The division code is not in the dataset "${dataset.name.en}" (${dataset.referenceDate})`,
        },
        { severity: 'warning' },
      ),
    ]);
  }
  return success({
    ...parsed.data,
    parent: record.parent === undefined ? parsed.data.parent : record.parent,
    name: record.name,
    inDataset: true,
    dataset: dataset.id,
    ...(record.urbanRural === undefined ? {} : { urbanRural: record.urbanRural }),
  });
}
