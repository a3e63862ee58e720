import { inputThrewIssue, throwingGuard } from '../core/guard.js';
import { createIssue, type Issue, type LocalizedText } from '../core/issue.js';
import { isIterableObject } from '../core/iterable.js';
import { maskIdNumbersInText } from '../core/mask.js';
import { ShequError } from '../core/result.js';
import { DIVISION_LEVELS, type DivisionCode, parseDivisionCode } from './division-code.js';
import { parseUrbanRuralCode } from './urban-rural-code.js';

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
  /**
   * Code of the division above (any accepted form; kept in its 12-digit form), at a level above this one; omitted
   * means the prefix rule. Set it where reality differs (雄安新区).
   */
  readonly parent?: string | null;
  /** 城乡分类代码 of a village-level unit (one of 111, 112, 121, 122, 123, 210, 220), where the source has it. */
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
 * Builds a {@link DivisionDataset} from records: a caller's list, often read from a file. Codes in a shorter form
 * (2/4/6/9 digits) are padded. Every record is used or left out with one issue in `issues` (an `error` with its path
 * `[index]`, `[index, 'code']` or `[index, 'name']` and a message in Chinese and English), so nothing disappears
 * unseen:
 *
 * - not a record (`null`, a number, a string): `invalid_type` at `[index]`;
 * - a code that is not a valid division code (an ID number, a typo): its own issue code at `[index, 'code']`, and the
 *   code listed in `rejected` as text, ID numbers masked;
 * - a name that is missing or not text: `invalid_type` at `[index, 'name']`;
 * - a parent that is not `null` nor a division code of a level above the record's (a typo, an ID number, the record's
 *   own code, a village as a township's parent): an issue at `[index, 'parent']` (`invalid_value` for a code at the
 *   wrong level); a valid parent in a shorter form is kept in its 12-digit form, as the record's code is; a blank
 *   parent or urban-rural code (an empty cell) is absent;
 * - an urban-rural code that is not one of the seven 城乡分类代码: `invalid_format` at `[index, 'urbanRural']`;
 * - a second record of a region already listed (in either spelling: `'110105'`, `'110105000000'`) with another name,
 *   parent or urban-rural code: `duplicate_code` at `[index, 'code']`; the first record stays. An identical repeat
 *   is merged silently.
 *
 * A record whose reading throws (a getter, a proxy) is left out with an issue too. No issue, and no entry of
 * `rejected`, holds a full ID number. A list of valid records gives what it always gave: the records by 12-digit code,
 * in the list's order, names as written.
 *
 * @param info - id, name, source and reference date
 * @param records - the divisions (any iterable: an array, a generator)
 * @returns the dataset, with `rejected` (codes that are not division codes) and `issues` (one per record left out)
 * @throws {@link shequ!ShequError} with an `invalid_type` issue at `['records']` when `records` is not iterable (a string
 * included), or an `invalid_value` issue when its iterator throws
 *
 * @example
 * ```ts
 * import { createDivisionDataset } from 'shequ';
 * const dataset = createDivisionDataset(
 *   { id: 'demo', name: { zh: '示例', en: 'demo' }, source: 'hand-written', referenceDate: '2025-06-30' },
 *   [{ code: '110105', name: '朝阳区' }, { code: 'oops', name: '?' }, { code: '110105000000', name: '朝阳' }],
 * );
 * [...dataset.divisions.values()];
 * //=> [{ code: '110105000000', name: '朝阳区' }]
 * dataset.rejected;
 * //=> ['oops']
 * dataset.issues.map((issue) => [issue.code, issue.path]);
 * //=> [['invalid_format', [1, 'code']], ['duplicate_code', [2, 'code']]]
 * ```
 */
export function createDivisionDataset(
  info: DivisionDatasetInfo,
  records: Iterable<DivisionRecord>,
): DivisionDataset & {
  /** Codes of the records left out because they are not valid division codes, as text (ID numbers masked). */
  readonly rejected: readonly string[];
  /** One issue per record left out, in the list's order. */
  readonly issues: readonly Issue[];
} {
  return throwingGuard(() => {
    if (!isIterableObject(records)) throw new ShequError([notAListIssue()]);
    const divisions = new Map<string, DivisionRecord>();
    const rejected: string[] = [];
    const issues: Issue[] = [];
    let index = 0;
    for (const value of records) {
      const taken = takeRecord(value, index++, divisions);
      if (taken === undefined) continue;
      issues.push(taken.issue);
      if (taken.rejectedCode !== undefined) rejected.push(taken.rejectedCode);
    }
    return { ...info, divisions, rejected, issues };
  });
}

function notAListIssue(): Issue {
  return createIssue(
    'invalid_type',
    {
      zh: 'records 应为区划记录的列表（数组等可迭代对象）',
      en: 'records must be a list of division records (an array or another iterable)',
    },
    { path: ['records'] },
  );
}

/** Why a record was left out: its issue, and its code as text when the code is not a division code. */
interface LeftOut {
  readonly issue: Issue;
  readonly rejectedCode?: string;
}

/** Adds one record to `divisions`, or says why it is left out (a record whose reading throws included). */
function takeRecord(
  value: unknown,
  index: number,
  divisions: Map<string, DivisionRecord>,
): LeftOut | undefined {
  try {
    const read = readRecord(value, index);
    if (!('record' in read)) return read;
    const { record } = read;
    const first = divisions.get(record.code);
    if (first === undefined) divisions.set(record.code, record);
    else if (!sameDivision(first, record)) return { issue: duplicateIssue(index, first, record) };
    return undefined;
  } catch {
    return { issue: inputThrewIssue([index]) };
  }
}

/** A record checked: code parsed (12 digits), name text; or why it is left out. */
function readRecord(value: unknown, index: number): LeftOut | { readonly record: DivisionRecord } {
  if (value === null || typeof value !== 'object')
    return {
      issue: createIssue(
        'invalid_type',
        {
          zh: '不是区划记录（应为含 code 与 name 的对象），未采用',
          en: 'Not a division record (an object with code and name): left out',
        },
        { path: [index] },
      ),
    };
  const code: unknown = (value as { code?: unknown }).code;
  const parsed = parseDivisionCode(code);
  if (!parsed.success) {
    const cause = parsed.error.issues[0] as Issue;
    return {
      issue: createIssue(
        cause.code,
        {
          zh: `区划代码无效，未采用：${cause.message.zh}`,
          en: `Invalid division code, left out: ${cause.message.en}`,
        },
        { path: [index, 'code'] },
      ),
      rejectedCode: maskIdNumbersInText(String(code)),
    };
  }
  const name: unknown = (value as { name?: unknown }).name;
  if (typeof name !== 'string')
    return {
      issue: createIssue(
        'invalid_type',
        { zh: '名称缺失或不是文本，未采用', en: 'The name is missing or not text: left out' },
        { path: [index, 'name'] },
      ),
    };
  const parent = readParent(given((value as { parent?: unknown }).parent), parsed.data, index);
  if (typeof parent === 'object' && parent !== null) return parent;
  const urbanRural = given((value as { urbanRural?: unknown }).urbanRural);
  const urbanRuralCode = urbanRural === undefined ? undefined : parseUrbanRuralCode(urbanRural);
  if (urbanRuralCode !== undefined && !urbanRuralCode.success)
    return {
      issue: createIssue(
        'invalid_format',
        {
          zh: `城乡分类代码“${quoted(urbanRural)}”不是 111、112、121、122、123、210、220 之一，未采用`,
          en: `The urban-rural code "${quoted(urbanRural)}" is not one of 111, 112, 121, 122, 123, 210, 220: left out`,
        },
        { path: [index, 'urbanRural'] },
      ),
    };
  const { parent: _parent, urbanRural: _urbanRural, ...rest } = value as DivisionRecord;
  return {
    record: {
      ...rest,
      code: parsed.data.code,
      name,
      ...(parent === undefined ? {} : { parent }),
      ...(urbanRuralCode === undefined ? {} : { urbanRural: urbanRuralCode.data.code }),
    },
  };
}

/** An optional field as given: a blank text (an empty cell of the file the records came from) is absent. */
function given(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/**
 * A record's parent checked: absent (`undefined`: the prefix rule), `null`, or a division code of a level above the
 * record's, in its 12-digit form; else why the record is left out.
 */
function readParent(parent: unknown, code: DivisionCode, index: number): string | null | undefined | LeftOut {
  if (parent === undefined || parent === null) return parent;
  const parsed = parseDivisionCode(parent);
  const above =
    parsed.success && DIVISION_LEVELS.indexOf(parsed.data.level) < DIVISION_LEVELS.indexOf(code.level);
  if (parsed.success && above) return parsed.data.code;
  const why = parsed.success
    ? { zh: `不在 ${code.code} 的上级层级`, en: `is not at a level above ${code.code}` }
    : { zh: '不是有效的区划代码', en: 'is not a valid division code' };
  return {
    issue: createIssue(
      parsed.success ? 'invalid_value' : (parsed.error.issues[0] as Issue).code,
      {
        zh: `上级代码“${quoted(parent)}”${why.zh}，未采用`,
        en: `The parent code "${quoted(parent)}" ${why.en}: left out`,
      },
      { path: [index, 'parent'] },
    ),
  };
}

/** Whether two records of one code say the same: name, parent and urban-rural code. */
function sameDivision(first: DivisionRecord, later: DivisionRecord): boolean {
  return first.name === later.name && first.parent === later.parent && first.urbanRural === later.urbanRural;
}

/**
 * A caller's value as a message quotes it: text on one line (an object by its type), ID numbers masked before it is cut
 * to 30 characters (a cut one would not be).
 */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(typeof value === 'object' ? typeof value : value);
  const line = maskIdNumbersInText(text.replace(/[\r\n\t]+/g, ' '));
  return line.length > 30 ? `${line.slice(0, 29)}…` : line;
}

function duplicateIssue(index: number, first: DivisionRecord, later: DivisionRecord): Issue {
  const differs =
    first.name !== later.name
      ? {
          zh: `名称为“${quoted(later.name)}”，而先列出的一条为“${quoted(first.name)}”`,
          en: `names it "${quoted(later.name)}", the first "${quoted(first.name)}"`,
        }
      : {
          zh: '上级或城乡分类代码与先列出的一条不同',
          en: 'gives another parent or urban-rural code than the first',
        };
  return createIssue(
    'duplicate_code',
    {
      zh: `区划 ${later.code} 已列出；此条${differs.zh}，未采用（保留先列出的一条）`,
      en: `Division ${later.code} is listed already; this record ${differs.en}: left out (the first is kept)`,
    },
    { path: [index, 'code'] },
  );
}
