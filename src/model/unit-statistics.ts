import { z } from 'zod';
import { parseDivisionCode } from '../codes/division-code.js';
import { URBAN_RURAL_CODES } from '../codes/urban-rural-code.js';
import type { LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { issuesFromZod } from '../core/zod-issues.js';
import { unitKindSchema } from './unit-kind.js';

/** True when `value` has at most two decimals (areas are recorded to the hundredth of a m²). */
function hasAtMostTwoDecimals(value: number): boolean {
  const hundredths = value * 100;
  return Math.abs(hundredths - Math.round(hundredths)) <= 1e-7 * Math.max(1, Math.abs(hundredths));
}

const count = z.int().nonnegative();
const area = z
  .number()
  .nonnegative()
  .refine(hasAtMostTwoDecimals, {
    message: 'An area has at most two decimals',
    params: { shequCode: 'invalid_value', zh: '面积最多保留两位小数' },
  });
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

const urbanRuralCode = z.enum(Object.keys(URBAN_RURAL_CODES) as [keyof typeof URBAN_RURAL_CODES]);

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
export const UNIT_STATISTICS_FIELDS = {
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
} as const satisfies Record<string, LocalizedText>;

/**
 * The zod schema of a statistics row: one row per 社区 or 村, as statistics sheets hold them and as the indicators
 * consume them. `code` (the 12-digit village-level code) and `kind` are required; every other field is optional,
 * and whatever needs an absent field reports the unit as missing data instead of guessing. Areas are m² with at
 * most two decimals, counts non-negative integers, flags booleans. Canonical values only: spreadsheet spellings
 * (是/否, 居委会) are mapped by the readers in `shequ/io`. An activity area larger than the facility's floor area,
 * or a commercial area larger than the total floor area, is an issue on the smaller field's path.
 *
 * @example
 * ```ts
 * import { unitStatisticsSchema } from 'shequ';
 * unitStatisticsSchema.safeParse({ code: '130102001001', kind: 'community', households: 1200 }).success;
 * //=> true
 * ```
 */
export const unitStatisticsSchema = z
  .object({
    code: villageLevelCode.describe(UNIT_STATISTICS_FIELDS.code.zh),
    name: z.string().optional().describe(UNIT_STATISTICS_FIELDS.name.zh),
    kind: unitKindSchema.describe(UNIT_STATISTICS_FIELDS.kind.zh),
    urbanRural: urbanRuralCode.optional().describe(UNIT_STATISTICS_FIELDS.urbanRural.zh),
    households: count.optional().describe(UNIT_STATISTICS_FIELDS.households.zh),
    residents: count.optional().describe(UNIT_STATISTICS_FIELDS.residents.zh),
    hasFacility: flag.optional().describe(UNIT_STATISTICS_FIELDS.hasFacility.zh),
    facilityArea: area.optional().describe(UNIT_STATISTICS_FIELDS.facilityArea.zh),
    activityArea: area.optional().describe(UNIT_STATISTICS_FIELDS.activityArea.zh),
    newlyBuilt: flag.optional().describe(UNIT_STATISTICS_FIELDS.newlyBuilt.zh),
    totalFloorArea: area.optional().describe(UNIT_STATISTICS_FIELDS.totalFloorArea.zh),
    commercialServiceArea: area.optional().describe(UNIT_STATISTICS_FIELDS.commercialServiceArea.zh),
    selfServiceTerminal: flag.optional().describe(UNIT_STATISTICS_FIELDS.selfServiceTerminal.zh),
    communityWorkers: count.optional().describe(UNIT_STATISTICS_FIELDS.communityWorkers.zh),
    disasterOfficers: count.optional().describe(UNIT_STATISTICS_FIELDS.disasterOfficers.zh),
    secretaryIsDirector: flag.optional().describe(UNIT_STATISTICS_FIELDS.secretaryIsDirector.zh),
    satisfactionSurveyed: flag.optional().describe(UNIT_STATISTICS_FIELDS.satisfactionSurveyed.zh),
    inQuarterHourCircle: flag.optional().describe(UNIT_STATISTICS_FIELDS.inQuarterHourCircle.zh),
    governmentServices: flag.optional().describe(UNIT_STATISTICS_FIELDS.governmentServices.zh),
    resettlement: flag.optional().describe(UNIT_STATISTICS_FIELDS.resettlement.zh),
    volunteers: count.optional().describe(UNIT_STATISTICS_FIELDS.volunteers.zh),
    communityHomes: count.optional().describe(UNIT_STATISTICS_FIELDS.communityHomes.zh),
    has5g: flag.optional().describe(UNIT_STATISTICS_FIELDS.has5g.zh),
  })
  .superRefine(
    (row, ctx) => {
      // Runs even when other fields failed (`when` below), so one bad cell does not hide a cross-field problem.
      const { facilityArea, activityArea, totalFloorArea, commercialServiceArea } = row as Record<
        string,
        unknown
      >;
      if (
        typeof activityArea === 'number' &&
        typeof facilityArea === 'number' &&
        activityArea > facilityArea
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['activityArea'],
          message: "The residents' activity area exceeds the facility's floor area",
          params: { shequCode: 'invalid_value', zh: '居民活动区域面积大于综合服务设施建筑面积' },
        });
      }
      if (
        typeof commercialServiceArea === 'number' &&
        typeof totalFloorArea === 'number' &&
        commercialServiceArea > totalFloorArea
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['commercialServiceArea'],
          message: 'The commercial and service floor area exceeds the total floor area',
          params: { shequCode: 'invalid_value', zh: '商业和综合服务设施面积大于社区总建筑面积' },
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/**
 * One statistics row (社区（村）统计表的一行), the flat shape the indicators consume. See
 * {@link unitStatisticsSchema} for the rules and {@link UNIT_STATISTICS_FIELDS} for the Chinese headers.
 *
 * @example
 * ```ts
 * import type { UnitStatistics } from 'shequ';
 * const row: UnitStatistics = { code: '130102001001', kind: 'community', households: 1200, hasFacility: true };
 * ```
 */
export type UnitStatistics = Readonly<z.output<typeof unitStatisticsSchema>>;

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
  const parsed = unitStatisticsSchema.safeParse(row);
  return parsed.success ? success(parsed.data) : failure(issuesFromZod(parsed.error, { input: row }));
}
