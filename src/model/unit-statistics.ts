import { z } from 'zod';
import { parseDivisionCode } from '../codes/division-code.js';
import { URBAN_RURAL_CODES, type UrbanRuralCodeValue } from '../codes/urban-rural-code.js';
import { townshipKey } from '../codes/village-key.js';
import { guarded } from '../core/guard.js';
import type { LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { issuesFromZod } from '../core/zod-issues.js';
import { areaSchema, countSchema, hasAtMostTwoDecimals, notAbove } from './primitives.js';
import { type UnitKind, unitKindSchema } from './unit-kind.js';

const count = countSchema;
const area = areaSchema;
const flag = z.boolean();

const villageLevelCode = z
  .string()
  .regex(/^\d{12}$/, { message: 'A unit code has 12 digits', abort: true })
  .superRefine((value, ctx) => {
    const parsed = parseDivisionCode(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({
          code: 'custom',
          message: issue.message.en,
          params: { shequCode: issue.code, zh: issue.message.zh },
        });
      }
    } else if (parsed.data.level !== 'village') {
      ctx.addIssue({
        code: 'custom',
        message: `A unit code is a village-level code; this one is ${parsed.data.level}-level`,
        params: { shequCode: 'invalid_value', zh: '社区（村）代码应为村级代码（后三位不为 000）' },
      });
    }
  });

const urbanRuralCode = z.enum(Object.keys(URBAN_RURAL_CODES) as [UrbanRuralCodeValue]);

/**
 * One statistics row (社区（村）统计表的一行): the flat, one-row-per-unit shape that statistics sheets use and that
 * the indicators consume. Only `code` and `kind` are required; whatever needs an absent field reports the unit as
 * missing data instead of guessing. See {@link unitStatisticsSchema} for the rules.
 *
 * @example
 * ```ts
 * import type { UnitStatistics } from 'shequ';
 * const row: UnitStatistics = { code: '130102001001', kind: 'community', households: 1200, hasFacility: true };
 * ```
 */
export interface UnitStatistics {
  /** 统计用区划代码: the unit's 12-digit village-level code. */
  readonly code: string;
  /** 名称. */
  readonly name?: string;
  /** 类型: `community` (居委会) or `village` (村委会). */
  readonly kind: UnitKind;
  /** 城乡分类代码 (111 … 220). */
  readonly urbanRural?: UrbanRuralCodeValue;
  /** 户数. */
  readonly households?: number;
  /** 常住人口. */
  readonly residents?: number;
  /** 是否建有综合服务设施. */
  readonly hasFacility?: boolean;
  /** 综合服务设施建筑面积, m². */
  readonly facilityArea?: number;
  /** 居民活动区域面积, m² (not above `facilityArea`). */
  readonly activityArea?: number;
  /** 是否新建社区. */
  readonly newlyBuilt?: boolean;
  /** 社区总建筑面积 of a newly built community, m². */
  readonly totalFloorArea?: number;
  /** 商业和综合服务设施面积 of a newly built community, m² (not above `totalFloorArea`). */
  readonly commercialServiceArea?: number;
  /** 是否配备政务通用自助服务设备. */
  readonly selfServiceTerminal?: boolean;
  /** 社区工作者人数 (the counting scope excludes 公益性岗位 and 临聘人员). */
  readonly communityWorkers?: number;
  /** 灾害信息员人数. */
  readonly disasterOfficers?: number;
  /** 书记、主任"一人兼". */
  readonly secretaryIsDirector?: boolean;
  /** 开展群众满意度调查. */
  readonly satisfactionSurveyed?: boolean;
  /** 纳入一刻钟社区服务圈. */
  readonly inQuarterHourCircle?: boolean;
  /** 政务服务进社区（村）. */
  readonly governmentServices?: boolean;
  /** 易地扶贫搬迁 or "空心村"治理 安置社区. */
  readonly resettlement?: boolean;
  /** 注册志愿者人数. */
  readonly volunteers?: number;
  /** "社区之家" 数量. */
  readonly communityHomes?: number;
  /** 行政村通5G. */
  readonly has5g?: boolean;
}

/**
 * The fields of a statistics row with their Chinese headers, in sheet order. The readers match headers by key or
 * by these names.
 *
 * @example
 * ```ts
 * import { UNIT_STATISTICS_FIELDS } from 'shequ';
 * UNIT_STATISTICS_FIELDS.households.zh;
 * //=> '户数'
 * ```
 */
export const UNIT_STATISTICS_FIELDS: Readonly<Record<keyof UnitStatistics, LocalizedText>> = {
  code: { zh: '统计用区划代码', en: 'division code' },
  name: { zh: '名称', en: 'name' },
  kind: { zh: '类型', en: 'kind' },
  urbanRural: { zh: '城乡分类代码', en: 'urban-rural code' },
  households: { zh: '户数', en: 'households' },
  residents: { zh: '常住人口', en: 'resident population' },
  hasFacility: { zh: '是否建有综合服务设施', en: 'has a comprehensive service facility' },
  facilityArea: { zh: '综合服务设施建筑面积', en: 'facility floor area (m²)' },
  activityArea: { zh: '居民活动区域面积', en: "residents' activity area (m²)" },
  newlyBuilt: { zh: '是否新建社区', en: 'newly built community' },
  totalFloorArea: { zh: '社区总建筑面积', en: 'total floor area (m²)' },
  commercialServiceArea: { zh: '商业和综合服务设施面积', en: 'commercial and service floor area (m²)' },
  selfServiceTerminal: { zh: '是否配备政务通用自助服务设备', en: 'government self-service terminal' },
  communityWorkers: { zh: '社区工作者人数', en: 'community workers' },
  disasterOfficers: { zh: '灾害信息员人数', en: 'disaster information officers' },
  secretaryIsDirector: { zh: '书记主任一人兼', en: 'secretary is also director' },
  satisfactionSurveyed: { zh: '开展满意度调查', en: 'satisfaction survey held' },
  inQuarterHourCircle: { zh: '纳入一刻钟社区服务圈', en: 'inside a 15-minute service circle' },
  governmentServices: { zh: '政务服务进社区', en: 'government services in the unit' },
  resettlement: { zh: '安置社区', en: 'resettlement community' },
  volunteers: { zh: '注册志愿者人数', en: 'registered volunteers' },
  communityHomes: { zh: '社区之家数量', en: '"community homes"' },
  has5g: { zh: '通5G', en: '5G coverage' },
};

const describeField = (key: keyof UnitStatistics) => UNIT_STATISTICS_FIELDS[key].zh;
const unitStatisticsShape = {
  code: villageLevelCode.describe(describeField('code')),
  name: z.string().exactOptional().describe(describeField('name')),
  kind: unitKindSchema.describe(describeField('kind')),
  urbanRural: urbanRuralCode.exactOptional().describe(describeField('urbanRural')),
  households: count.exactOptional().describe(describeField('households')),
  residents: count.exactOptional().describe(describeField('residents')),
  hasFacility: flag.exactOptional().describe(describeField('hasFacility')),
  facilityArea: area.exactOptional().describe(describeField('facilityArea')),
  activityArea: area.exactOptional().describe(describeField('activityArea')),
  newlyBuilt: flag.exactOptional().describe(describeField('newlyBuilt')),
  totalFloorArea: area.exactOptional().describe(describeField('totalFloorArea')),
  commercialServiceArea: area.exactOptional().describe(describeField('commercialServiceArea')),
  selfServiceTerminal: flag.exactOptional().describe(describeField('selfServiceTerminal')),
  communityWorkers: count.exactOptional().describe(describeField('communityWorkers')),
  disasterOfficers: count.exactOptional().describe(describeField('disasterOfficers')),
  secretaryIsDirector: flag.exactOptional().describe(describeField('secretaryIsDirector')),
  satisfactionSurveyed: flag.exactOptional().describe(describeField('satisfactionSurveyed')),
  inQuarterHourCircle: flag.exactOptional().describe(describeField('inQuarterHourCircle')),
  governmentServices: flag.exactOptional().describe(describeField('governmentServices')),
  resettlement: flag.exactOptional().describe(describeField('resettlement')),
  volunteers: count.exactOptional().describe(describeField('volunteers')),
  communityHomes: count.exactOptional().describe(describeField('communityHomes')),
  has5g: flag.exactOptional().describe(describeField('has5g')),
};

/**
 * The zod schemas of the fields of a statistics row, as `unitStatisticsSchema.shape` holds them: one per key of
 * {@link UnitStatistics}, so that you can pick, extend or reuse them.
 *
 * @example
 * ```ts
 * import { unitStatisticsSchema, type UnitStatisticsShape } from 'shequ';
 * const households: UnitStatisticsShape['households'] = unitStatisticsSchema.shape.households;
 * ```
 */
export type UnitStatisticsShape = {
  readonly [Key in keyof UnitStatistics]-?: (typeof unitStatisticsShape)[Key];
};

/**
 * The zod schema of a statistics row ({@link UnitStatistics}): `code` (the 12-digit village-level code) and `kind`
 * are required, every other field optional. Areas are m² with at most two decimals, counts non-negative integers,
 * flags booleans. Canonical values only: spreadsheet spellings (是/否, 居委会) are mapped by the readers in
 * `shequ/io`. An activity area larger than the facility's floor area, or a commercial area larger than the total
 * floor area, is an issue on that field's path, reported beside any other field's issues.
 *
 * @example
 * ```ts
 * import { unitStatisticsSchema } from 'shequ';
 * unitStatisticsSchema.safeParse({ code: '130102001001', kind: 'community', households: 1200 }).success;
 * //=> true
 * ```
 */
export const unitStatisticsSchema: z.ZodObject<UnitStatisticsShape> = z
  .object(unitStatisticsShape)
  .superRefine(
    ...notAbove([
      {
        part: 'activityArea',
        whole: 'facilityArea',
        message: {
          zh: '居民活动区域面积大于综合服务设施建筑面积',
          en: "The residents' activity area exceeds the facility's floor area",
        },
      },
      {
        part: 'commercialServiceArea',
        whole: 'totalFloorArea',
        message: {
          zh: '商业和综合服务设施面积大于社区总建筑面积',
          en: 'The commercial and service floor area exceeds the total floor area',
        },
      },
    ]),
  );

/**
 * Validates one statistics row. Every problem is reported with its path (like zod's), none stops the others;
 * nothing throws, whatever `row` is.
 *
 * @param row - a plain object with canonical values
 * @returns the typed row, or every issue
 *
 * @example
 * ```ts
 * import { parseUnitStatistics } from 'shequ';
 * parseUnitStatistics({ code: '130102001001', kind: 'community', households: -5 });
 * //=> { success: false, error: { issues: [{ code: 'invalid_value', path: ['households'], severity: 'error',
 * //     message: { zh: '值应不小于 0', en: 'The value must be at least 0' } }] } }
 * ```
 */
export function parseUnitStatistics(row: unknown): Result<UnitStatistics> {
  return guarded(() => parseRow(row));
}

function parseRow(row: unknown): Result<UnitStatistics> {
  // Fast path for valid rows (the common case at national scale); zod runs when something is wrong, for the issues.
  const fast = validUnitStatistics(row);
  if (fast !== undefined) return success(fast);
  const parsed = unitStatisticsSchema.safeParse(row);
  return parsed.success ? success(parsed.data) : failure(issuesFromZod(parsed.error, { input: row }));
}

const FIELD_KEYS = Object.keys(UNIT_STATISTICS_FIELDS) as (keyof UnitStatistics)[];
const COUNT_KEYS = new Set([
  'households',
  'residents',
  'communityWorkers',
  'disasterOfficers',
  'volunteers',
  'communityHomes',
]);
const AREA_KEYS = new Set(['facilityArea', 'activityArea', 'totalFloorArea', 'commercialServiceArea']);
const URBAN_RURAL = new Set(Object.keys(URBAN_RURAL_CODES));

function validField(key: keyof UnitStatistics, value: unknown): boolean {
  if (key === 'code') return typeof value === 'string' && /^\d{12}$/.test(value) && townshipKey(value) >= 0;
  if (key === 'kind') return value === 'community' || value === 'village';
  if (key === 'name') return typeof value === 'string';
  if (key === 'urbanRural') return typeof value === 'string' && URBAN_RURAL.has(value);
  if (COUNT_KEYS.has(key)) return Number.isSafeInteger(value) && (value as number) >= 0;
  if (AREA_KEYS.has(key))
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && hasAtMostTwoDecimals(value);
  return typeof value === 'boolean';
}

/**
 * The row as `unitStatisticsSchema` would output it when the row is valid, or `undefined` (then zod says why).
 * Exactly the schema's rules, written out for speed; a property test holds the two together.
 */
export function validUnitStatistics(row: unknown): UnitStatistics | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  const input = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) {
    if (!Object.hasOwn(input, key)) {
      if (key === 'code' || key === 'kind') return undefined;
      continue;
    }
    const value = input[key];
    if (!validField(key, value)) return undefined;
    out[key] = value;
  }
  const { facilityArea, activityArea, totalFloorArea, commercialServiceArea } = out as Partial<
    Record<string, number>
  >;
  if (activityArea !== undefined && facilityArea !== undefined && activityArea > facilityArea)
    return undefined;
  if (
    commercialServiceArea !== undefined &&
    totalFloorArea !== undefined &&
    commercialServiceArea > totalFloorArea
  )
    return undefined;
  return out as unknown as UnitStatistics;
}
