import { guarded, invalidOption } from '../core/guard.js';
import { createIssue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { type DivisionCode, parseDivisionCode } from './division-code.js';
import type { DivisionDataset } from './division-dataset.js';

// Looking a division code up in a caller's division list (createDivisionDataset builds the list).

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
