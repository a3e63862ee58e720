import { DIVISION_LEVELS } from '../codes/division-code.js';
import { divisionLevelIndex } from '../codes/village-key.js';
import { STATISTICS_FIELD_KEYS, type StatisticsFieldKey } from './fields.js';
import type { RowKind } from './row-kind.js';
import {
  CODE_LEVELS_OF_KIND,
  isUnitKind,
  ROW_KIND_LABELS,
  ROW_KINDS,
  statisticsFieldAppliesTo,
} from './row-kind-predicates.js';

// The rules across fields that depend on the row's kind: the code's level fits the kind, and the row carries only
// the fields of its kind. Shared by the zod schema (which says why) and the fast path (which only says whether).

/**
 * Whether a field may be set on a row of a kind. A unit row keeps what it always could: any field that describes a
 * unit of either kind (a community-only field on a village is not refused here, as before); what it may not carry is
 * a field of townships, districts or totals only. Other rows carry exactly the fields declared for their kind.
 */
function fieldFitsKind(key: StatisticsFieldKey, kind: RowKind): boolean {
  const kinds = statisticsFieldAppliesTo(key);
  return kinds.includes(kind) || (isUnitKind(kind) && kinds.some(isUnitKind));
}

/** The keys a row of each kind may not carry, computed once. */
const NOT_CARRIED: Readonly<Record<RowKind, readonly StatisticsFieldKey[]>> = Object.fromEntries(
  ROW_KINDS.map((kind) => [kind, STATISTICS_FIELD_KEYS.filter((key) => !fieldFitsKind(key, kind))]),
) as unknown as Record<RowKind, readonly StatisticsFieldKey[]>;

/** Level index (0 province … 4 village) allowed for each kind. */
const LEVEL_ALLOWED: Readonly<Record<RowKind, readonly boolean[]>> = Object.fromEntries(
  ROW_KINDS.map((kind) => [kind, DIVISION_LEVELS.map((level) => CODE_LEVELS_OF_KIND[kind].includes(level))]),
) as unknown as Record<RowKind, readonly boolean[]>;

function isRowKind(kind: unknown): kind is RowKind {
  return typeof kind === 'string' && Object.hasOwn(LEVEL_ALLOWED, kind);
}

/** Catalogue index of the kind and of the code. */
const KIND_INDEX = STATISTICS_FIELD_KEYS.indexOf('kind');
const CODE_INDEX = STATISTICS_FIELD_KEYS.indexOf('code');

/** The catalogue indices of the fields a row of each kind may not carry (for {@link valuesFitKind}). */
export type NotCarriedIndices = Readonly<Record<RowKind, readonly number[]>>;

const NOT_CARRIED_INDICES: NotCarriedIndices = Object.fromEntries(
  ROW_KINDS.map((kind) => [kind, NOT_CARRIED[kind].map((key) => STATISTICS_FIELD_KEYS.indexOf(key))]),
) as unknown as NotCarriedIndices;

/**
 * The fields each kind may not carry among those of a header (`present`: their catalogue indices): a reader whose
 * values hold nothing outside its header checks only these (most headers hold none of another kind's fields).
 */
export function notCarriedAmong(present: readonly number[]): NotCarriedIndices {
  return Object.fromEntries(
    ROW_KINDS.map((kind) => [kind, NOT_CARRIED_INDICES[kind].filter((index) => present.includes(index))]),
  ) as unknown as NotCarriedIndices;
}

/**
 * {@link rowFitsKind} on the values of a row by catalogue index (`undefined`: the field is absent), before any row
 * is built: the compiled readers' check, by index rather than by key on rows of varying shapes (issue 13).
 * `notCarried` may be narrowed to a header's fields ({@link notCarriedAmong}) when no other value is set; `codeLevel`
 * is the code's level index when the caller knows it already (a code it checked itself).
 */
export function valuesFitKind(
  values: readonly unknown[],
  notCarriedOf: NotCarriedIndices = NOT_CARRIED_INDICES,
  codeLevel?: number,
): boolean {
  const kind = values[KIND_INDEX];
  if (!isRowKind(kind)) return false;
  const level = codeLevel ?? divisionLevelIndex(values[CODE_INDEX]);
  if (level < 0 || LEVEL_ALLOWED[kind][level] !== true) return false;
  const notCarried = notCarriedOf[kind];
  for (let i = 0; i < notCarried.length; i++) if (values[notCarried[i] as number] !== undefined) return false;
  return true;
}

/**
 * Whether a row whose fields are each valid holds together as its kind says: the code's level fits, and no field
 * the kind does not carry is set. The fast path's check (no allocation).
 */
export function rowFitsKind(row: Readonly<Record<string, unknown>>): boolean {
  const kind = row.kind;
  if (!isRowKind(kind)) return false;
  const level = divisionLevelIndex(row.code);
  if (level < 0 || LEVEL_ALLOWED[kind][level] !== true) return false;
  for (const key of NOT_CARRIED[kind]) if (row[key] !== undefined) return false;
  return true;
}

/** A zod custom issue, as `ctx.addIssue` takes it (the library's code and Chinese message ride in `params`). */
type KindIssue = {
  readonly code: 'custom';
  readonly path: (string | number)[];
  readonly message: string;
  readonly params: { readonly shequCode: string; readonly zh: string };
};

/**
 * The issues of the rules across fields that depend on the kind, on any object (the values need not be valid: a
 * code that is not a division code gives nothing here — its own field says why; a kind that is not one is read as
 * a unit's for the code's level).
 */
export function kindIssues(row: Readonly<Record<string, unknown>>): KindIssue[] {
  const kind = row.kind;
  const level = divisionLevelIndex(row.code);
  // A kind that cannot be read (its own field says why): the code is checked as a unit's, the common row, as it
  // always was — a township code on such a row is reported as well.
  if (!isRowKind(kind))
    return level >= 0 && LEVEL_ALLOWED.community[level] !== true ? [levelIssue('community', level)] : [];
  const issues: KindIssue[] = [];
  if (level >= 0 && LEVEL_ALLOWED[kind][level] !== true) issues.push(levelIssue(kind, level));
  for (const key of NOT_CARRIED[kind]) {
    if (row[key] === undefined) continue;
    const label = ROW_KIND_LABELS[kind];
    issues.push({
      code: 'custom',
      path: [key],
      message: `A row of kind ${kind} does not carry this field`,
      params: { shequCode: 'field_not_applicable', zh: `“${label.zh}”行不适用此字段` },
    });
  }
  return issues;
}

function levelIssue(kind: RowKind, level: number): KindIssue {
  const name = DIVISION_LEVELS[level] as string;
  if (isUnitKind(kind)) {
    // The wording unit rows have always had.
    return {
      code: 'custom',
      path: ['code'],
      message: `A unit code is a village-level code; this one is ${name}-level`,
      params: { shequCode: 'invalid_value', zh: '社区（村）代码应为村级代码（后三位不为 000）' },
    };
  }
  const wanted = {
    township: { zh: '乡级代码（后三位为 000，乡级段不为 000）', en: 'a township-level code' },
    district: { zh: '县级代码（后六位为 000000，县级段不为 00）', en: 'a county-level code' },
    communityTotal: { zh: '省、地、县或乡级代码（不能是村级代码）', en: 'a region code (not village level)' },
    villageTotal: { zh: '省、地、县或乡级代码（不能是村级代码）', en: 'a region code (not village level)' },
  }[kind];
  return {
    code: 'custom',
    path: ['code'],
    message: `A row of kind ${kind} needs ${wanted.en}; this one is ${name}-level`,
    params: { shequCode: 'kind_code_mismatch', zh: `“${ROW_KIND_LABELS[kind].zh}”行的代码应为${wanted.zh}` },
  };
}
