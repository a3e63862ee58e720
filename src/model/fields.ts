import type { UrbanRuralCodeValue } from '../codes/urban-rural-code.js';
import type { LocalizedText } from '../core/issue.js';
import { PLAN_TEXT_FIELDS } from './fields-plans.js';
import type { RowKind } from './row-kind.js';

/**
 * What a statistics field holds, which decides its schema, how its cells are read, how it is written and how tests
 * generate it: the unit's code, a text, the unit kind (居委会/村委会), a 城乡分类代码, the 统计年度 (a year from
 * {@link STATISTICS_YEAR_RANGE}), a count (a non-negative integer), an area (m², at most two decimals) or a yes/no
 * flag.
 *
 * @example
 * ```ts
 * import type { StatisticsFieldKind } from 'shequ';
 * const kind: StatisticsFieldKind = 'count';
 * ```
 */
export type StatisticsFieldKind =
  | 'code'
  | 'text'
  | 'unitKind'
  | 'urbanRural'
  | 'year'
  | 'count'
  | 'area'
  | 'flag';

/**
 * One field of the statistics row, declared once: everything else about it (zod schema, type, header matching,
 * cell conversion, writer column, JSON Schema, test data) is derived from this entry.
 *
 * @example
 * ```ts
 * import type { StatisticsField } from 'shequ';
 * const field: StatisticsField = {
 *   kind: 'count', label: { zh: '户数', en: 'households' }, unit: { zh: '户', en: 'households' },
 *   aliases: ['总户数'], max: 20_000,
 * };
 * ```
 */
export interface StatisticsField {
  /** What the field holds. */
  readonly kind: StatisticsFieldKind;
  /** The Chinese column header of statistics sheets, and an English label. */
  readonly label: LocalizedText;
  /** Further header names sheets give the column (the key and both labels always match). */
  readonly aliases?: readonly string[];
  /** Unit of a count or area, for headers and tables (`户`, `m²`). */
  readonly unit?: LocalizedText;
  /**
   * The kinds of row the field describes (default: both unit kinds). A count or area of a unit kind is also carried,
   * as a sum, by that kind's total row (see {@link statisticsFieldAppliesTo}).
   */
  readonly appliesTo?: readonly RowKind[];
  /** A required field (only `code` and `kind`). */
  readonly required?: true;
  /** A numeric field that may not exceed another one (activity area ≤ floor area), with the message saying so. */
  readonly notAbove?: {
    /** The field this one may not exceed. */
    readonly field: string;
    /** What the issue says when it does. */
    readonly message: LocalizedText;
  };
  /** Largest plausible value, for generated test data (counts and areas). */
  readonly max?: number;
}

// In its own module: the command line reads it without loading the catalogue.
export { STATISTICS_YEAR_RANGE } from './year-range.js';

const M2 = { zh: '平方米', en: 'm²' } as const;
const PERSONS = { zh: '人', en: 'persons' } as const;
const COMMUNITY_ONLY = ['community'] as const;
const TOWNSHIP_ONLY = ['township'] as const;
const TOTALS_ONLY = ['communityTotal', 'villageTotal'] as const;

/** The catalogue itself, with its literal types (the row type is derived from them). */
const FIELDS = {
  /** 统计用区划代码: the unit's 12-digit village-level code. */
  code: {
    kind: 'code',
    required: true,
    label: { zh: '统计用区划代码', en: 'division code' },
    aliases: ['区划代码', '代码', '单位代码', '社区（村）代码', '村居代码', '统计代码'],
  },
  /** 名称. */
  name: {
    kind: 'text',
    label: { zh: '名称', en: 'name' },
    aliases: ['社区（村）名称', '单位名称', '社区名称', '村名称', '居委会名称'],
  },
  /** 类型: `community` (居委会) or `village` (村委会). */
  kind: {
    kind: 'unitKind',
    required: true,
    label: { zh: '类型', en: 'kind' },
    aliases: ['单位类型', '村居类型', '居委会/村委会', '社区类型'],
  },
  /** 城乡分类代码 (111 … 220). */
  urbanRural: {
    kind: 'urbanRural',
    label: { zh: '城乡分类代码', en: 'urban-rural code' },
    aliases: ['城乡分类', '城乡划分代码'],
  },
  /**
   * 统计年度: the year the row describes (optional; a sheet without it describes one year, given apart). Rows of
   * several years in one sheet make a series.
   */
  year: {
    kind: 'year',
    label: { zh: '统计年度', en: 'year' },
    aliases: ['年度', '年份', '统计年份', '数据年度'],
  },
  /** 户数. */
  households: {
    kind: 'count',
    label: { zh: '户数', en: 'households' },
    unit: { zh: '户', en: 'households' },
    aliases: ['总户数', '常住户数'],
    max: 20_000,
  },
  /** 常住人口. */
  residents: {
    kind: 'count',
    label: { zh: '常住人口', en: 'resident population' },
    unit: PERSONS,
    aliases: ['人口', '常住人口数'],
    max: 60_000,
  },
  /** 是否建有综合服务设施. */
  hasFacility: {
    kind: 'flag',
    label: { zh: '是否建有综合服务设施', en: 'has a comprehensive service facility' },
    aliases: ['有无综合服务设施', '综合服务设施', '是否有综合服务设施'],
  },
  /** 综合服务设施建筑面积, m². */
  facilityArea: {
    kind: 'area',
    label: { zh: '综合服务设施建筑面积', en: 'facility floor area (m²)' },
    unit: M2,
    aliases: ['综合服务设施面积', '设施面积'],
    max: 50_000,
  },
  /** 居民活动区域面积, m² (not above `facilityArea`). */
  activityArea: {
    kind: 'area',
    label: { zh: '居民活动区域面积', en: "residents' activity area (m²)" },
    unit: M2,
    aliases: ['活动区域面积', '居民活动面积'],
    notAbove: {
      field: 'facilityArea',
      message: {
        zh: '居民活动区域面积大于综合服务设施建筑面积',
        en: "The residents' activity area exceeds the facility's floor area",
      },
    },
  },
  /** 是否新建社区. */
  newlyBuilt: {
    kind: 'flag',
    label: { zh: '是否新建社区', en: 'newly built community' },
    aliases: ['新建社区'],
    appliesTo: COMMUNITY_ONLY,
  },
  /** 社区总建筑面积 of a newly built community, m². */
  totalFloorArea: {
    kind: 'area',
    label: { zh: '社区总建筑面积', en: 'total floor area (m²)' },
    unit: M2,
    aliases: ['总建筑面积'],
    appliesTo: COMMUNITY_ONLY,
    max: 50_000,
  },
  /** 商业和综合服务设施面积 of a newly built community, m² (not above `totalFloorArea`). */
  commercialServiceArea: {
    kind: 'area',
    label: { zh: '商业和综合服务设施面积', en: 'commercial and service floor area (m²)' },
    unit: M2,
    aliases: ['商业和综合服务设施建筑面积'],
    appliesTo: COMMUNITY_ONLY,
    notAbove: {
      field: 'totalFloorArea',
      message: {
        zh: '商业和综合服务设施面积大于社区总建筑面积',
        en: 'The commercial and service floor area exceeds the total floor area',
      },
    },
  },
  /** 是否配备政务通用自助服务设备. */
  selfServiceTerminal: {
    kind: 'flag',
    label: { zh: '是否配备政务通用自助服务设备', en: 'government self-service terminal' },
    aliases: ['自助服务设备', '政务通用自助服务设备', '是否配备自助服务设备'],
  },
  /** 社区工作者人数 (the counting scope excludes 公益性岗位 and 临聘人员). */
  communityWorkers: {
    kind: 'count',
    label: { zh: '社区工作者人数', en: 'community workers' },
    unit: PERSONS,
    aliases: ['社区工作者', '社区工作者数'],
    max: 80,
  },
  /** 灾害信息员人数. */
  disasterOfficers: {
    kind: 'count',
    label: { zh: '灾害信息员人数', en: 'disaster information officers' },
    unit: PERSONS,
    aliases: ['灾害信息员', '灾害信息员数'],
    max: 5,
  },
  /** 书记、主任"一人兼". */
  secretaryIsDirector: {
    kind: 'flag',
    label: { zh: '书记主任一人兼', en: 'secretary is also director' },
    aliases: ['一人兼', '书记主任一肩挑', '书记、主任一人兼'],
  },
  /** 开展群众满意度调查. */
  satisfactionSurveyed: {
    kind: 'flag',
    label: { zh: '开展满意度调查', en: 'satisfaction survey held' },
    aliases: ['满意度调查', '是否开展满意度调查'],
  },
  /** 纳入一刻钟社区服务圈. */
  inQuarterHourCircle: {
    kind: 'flag',
    label: { zh: '纳入一刻钟社区服务圈', en: 'inside a 15-minute service circle' },
    aliases: ['一刻钟社区服务圈', '是否纳入一刻钟社区服务圈'],
  },
  /** 政务服务进社区（村）. */
  governmentServices: {
    kind: 'flag',
    label: { zh: '政务服务进社区', en: 'government services in the unit' },
    aliases: ['政务服务', '是否政务服务进社区'],
  },
  /** 易地扶贫搬迁 or "空心村"治理 安置社区. */
  resettlement: {
    kind: 'flag',
    label: { zh: '安置社区', en: 'resettlement community' },
    aliases: ['是否安置社区', '集中安置社区'],
  },
  /** 注册志愿者人数. */
  volunteers: {
    kind: 'count',
    label: { zh: '注册志愿者人数', en: 'registered volunteers' },
    unit: PERSONS,
    aliases: ['志愿者人数', '注册志愿者'],
    max: 5_000,
  },
  /** "社区之家" 数量. */
  communityHomes: {
    kind: 'count',
    label: { zh: '社区之家数量', en: '"community homes"' },
    unit: { zh: '个', en: 'count' },
    aliases: ['社区之家'],
    max: 3,
  },
  /** 行政村通5G. */
  has5g: {
    kind: 'flag',
    label: { zh: '通5G', en: '5G coverage' },
    aliases: ['是否通5G', '5G'],
  },
  /** The fields of the indicators the plans set beyond the national seven (satisfaction, 好差评, stations …). */
  ...PLAN_TEXT_FIELDS,
  /** 街道（乡镇）社会工作服务站 (township rows). */
  hasSocialWorkStation: {
    kind: 'flag',
    label: { zh: '是否设置社会工作服务站', en: 'has a social work station' },
    aliases: ['社会工作服务站', '社工站', '乡镇（街道）社会工作服务站'],
    appliesTo: TOWNSHIP_ONLY,
  },
  /** 街道（乡镇）市民活动中心 / 党群服务中心 (township rows). */
  hasCivicCenter: {
    kind: 'flag',
    label: {
      zh: '是否建有市民活动中心（党群服务中心）',
      en: 'has a civic activity (Party–public service) centre',
    },
    aliases: ['市民活动中心', '党群服务中心', '街道市民活动中心', '街道（乡镇）党群服务中心'],
    appliesTo: TOWNSHIP_ONLY,
  },
  /** 区（县）社区服务中心 (district rows). */
  hasDistrictServiceCenter: {
    kind: 'flag',
    label: { zh: '是否建有区社区服务中心', en: 'has a district community service centre' },
    aliases: ['区社区服务中心', '县（区）社区服务中心', '区县社区服务中心'],
    appliesTo: ['district'],
  },
  /** 社区（村）数 of a total row: the units it sums. */
  unitCount: {
    kind: 'count',
    label: { zh: '社区（村）数', en: 'units totalled' },
    unit: { zh: '个', en: 'count' },
    aliases: ['单位数', '村（居）委会数', '合计单位数'],
    appliesTo: TOTALS_ONLY,
    max: 5_000,
  },
  /** 建有综合服务设施的社区（村）数 of a total row (社区服务站 in 民政's returns), not above `unitCount`. */
  unitsWithFacility: {
    kind: 'count',
    label: { zh: '建有综合服务设施的社区（村）数', en: 'units with a comprehensive service facility' },
    unit: { zh: '个', en: 'count' },
    aliases: ['社区服务站数', '综合服务设施数', '建有综合服务设施的单位数'],
    appliesTo: TOTALS_ONLY,
    notAbove: {
      field: 'unitCount',
      message: {
        zh: '建有综合服务设施的社区（村）数大于社区（村）数',
        en: 'More units with a facility than units totalled',
      },
    },
  },
} as const satisfies Readonly<Record<string, StatisticsField>>;

/**
 * The fields of a statistics row (社区（村）统计表的一行), in sheet order: the one place a field is declared. Adding a
 * field is one entry here (plus a measure if it feeds an indicator); see CONTRIBUTING.md.
 *
 * @example
 * ```ts
 * import { STATISTICS_FIELDS } from 'shequ';
 * STATISTICS_FIELDS.households.label.zh;
 * //=> '户数'
 * STATISTICS_FIELDS.facilityArea.kind;
 * //=> 'area'
 * ```
 */
export const STATISTICS_FIELDS: Readonly<Record<StatisticsFieldKey, StatisticsField>> = FIELDS;

/**
 * A key of the statistics row.
 *
 * @example
 * ```ts
 * import type { StatisticsFieldKey } from 'shequ';
 * const key: StatisticsFieldKey = 'households';
 * ```
 */
export type StatisticsFieldKey = keyof typeof FIELDS;

/**
 * The keys of the statistics row, in sheet order.
 *
 * @example
 * ```ts
 * import { STATISTICS_FIELD_KEYS } from 'shequ';
 * STATISTICS_FIELD_KEYS.slice(0, 3);
 * //=> ['code', 'name', 'kind']
 * ```
 */
export const STATISTICS_FIELD_KEYS = Object.keys(STATISTICS_FIELDS) as readonly StatisticsFieldKey[];

/** The TypeScript type of each field kind's value. */
interface ValueOfKind {
  code: string;
  text: string;
  unitKind: RowKind;
  urbanRural: UrbanRuralCodeValue;
  year: number;
  count: number;
  area: number;
  flag: boolean;
}

/** The catalogue's literal type, for the modules that derive types from it (not exported from the package). */
export type StatisticsFieldsCatalogue = typeof FIELDS;
type Fields = StatisticsFieldsCatalogue;
type RequiredKey = {
  [Key in keyof Fields]: Fields[Key] extends { required: true } ? Key : never;
}[keyof Fields];

/**
 * The statistics row as the catalogue defines it: required fields present, every other field optional, each of the
 * type of its kind. {@link UnitStatistics} is this type.
 *
 * @example
 * ```ts
 * import type { StatisticsRowShape } from 'shequ';
 * const row: StatisticsRowShape = { code: '130123100201', kind: 'village', households: 612 };
 * ```
 */
export type StatisticsRowShape = Flatten<
  Pick<FieldValues, RequiredKey> & Partial<Pick<FieldValues, Exclude<keyof Fields, RequiredKey>>>
>;

/** Each field's value type, mapped over the catalogue's own keys (so each property keeps its entry's comment). */
type FieldValues = { readonly [Key in keyof Fields]: ValueOfKind[Fields[Key]['kind']] };

/** One object type from an intersection (so that the row type reads, and compares, as one shape). */
type Flatten<T> = { readonly [Key in keyof T]: T[Key] };

/**
 * The catalogue entry of a key, typed loosely for code that walks every field (`undefined` for a key that is not a
 * field: `toString`, `__proto__` and the like included).
 *
 * @param key - a field key
 * @returns its definition
 *
 * @example
 * ```ts
 * import { statisticsField } from 'shequ';
 * statisticsField('residents').unit?.zh;
 * //=> '人'
 * ```
 */
export function statisticsField(key: StatisticsFieldKey): StatisticsField {
  const known = typeof key === 'string' && Object.hasOwn(STATISTICS_FIELDS, key);
  return (known ? STATISTICS_FIELDS[key] : undefined) as StatisticsField;
}

/**
 * The keys of fields of one kind, in sheet order.
 *
 * @param kind - the field kind
 * @returns the keys
 *
 * @example
 * ```ts
 * import { statisticsFieldsOfKind } from 'shequ';
 * statisticsFieldsOfKind('area');
 * //=> ['facilityArea', 'activityArea', 'totalFloorArea', 'commercialServiceArea']
 * ```
 */
export function statisticsFieldsOfKind(kind: StatisticsFieldKind): StatisticsFieldKey[] {
  return STATISTICS_FIELD_KEYS.filter((key) => STATISTICS_FIELDS[key].kind === kind);
}
