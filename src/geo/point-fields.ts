import { normalizeHeader } from '../io/headers.js';
import { isWholeCount, MOST_HOUSEHOLDS } from './household-count.js';

/** Which kind of point a reader makes. */
export type Which = 'residential' | 'service';

/** The cells of one record by field key, and the header each came from. */
export interface RowCells {
  get(key: string): unknown;
  header(key: string): string | undefined;
}

/** One column of a point file: its key, the header words that name it, its type and range. */
export interface PointField {
  readonly key: string;
  readonly aliases: readonly string[];
  readonly type: 'number' | 'text' | 'code';
  readonly required: boolean;
  readonly accepts: (value: number) => boolean;
  readonly problem: { readonly zh: string; readonly en: string };
}

const any = () => true;
// Finite too: '1e400' parses to Infinity, which would turn the households sums into Infinity.
const nonNegative = (value: number) => Number.isFinite(value) && value >= 0;

function field(
  key: string,
  names: readonly string[],
  type: PointField['type'],
  required: boolean,
  accepts: (value: number) => boolean,
  problem: PointField['problem'],
): PointField {
  return { key, aliases: [key, ...names].map(normalizeHeader), type, required, accepts, problem };
}

const LNG = field(
  'lng',
  ['lon', 'long', 'longitude', 'x', '经度', '东经'],
  'number',
  true,
  (v) => Math.abs(v) <= 180,
  {
    zh: '经度应为 −180 到 180 之间的数字',
    en: 'The longitude must be a number from −180 to 180',
  },
);
const LAT = field('lat', ['latitude', 'y', '纬度', '北纬'], 'number', true, (v) => Math.abs(v) <= 90, {
  zh: '纬度应为 −90 到 90 之间的数字',
  en: 'The latitude must be a number from −90 to 90',
});
const NAME = field('name', ['名称', '小区名称', '小区', '网点名称', '设施名称', '店名'], 'text', false, any, {
  zh: '名称应为文本',
  en: 'The name must be text',
});
const COUNT_PROBLEM = { zh: '应为不小于 0 的数字', en: 'Must be a number ≥ 0' };
// Households and people are whole, and summed: a count past 2^53 − 1 would no longer be exact in a double.
const WHOLE_COUNT_PROBLEM = {
  zh: `应为不小于 0 的整数（不超过 ${MOST_HOUSEHOLDS}）`,
  en: `Must be a whole number from 0 to ${MOST_HOUSEHOLDS}`,
};

const RESIDENTIAL: readonly PointField[] = [
  LNG,
  LAT,
  NAME,
  field('unit', ['code', '代码', '统计用区划代码', '区划代码', '社区代码', '村代码'], 'code', false, any, {
    zh: '代码应为 12 位数字',
    en: 'The code must have 12 digits',
  }),
  field('households', ['户数', '住户数'], 'number', false, isWholeCount, WHOLE_COUNT_PROBLEM),
  field(
    'residents',
    ['人口', '常住人口', '人数', '居民人数'],
    'number',
    false,
    isWholeCount,
    WHOLE_COUNT_PROBLEM,
  ),
];

const SERVICE: readonly PointField[] = [
  LNG,
  LAT,
  NAME,
  field('kind', ['type', 'category', '类型', '类别', '网点类型', '设施类型', '业态'], 'text', true, any, {
    zh: '类型应为文本',
    en: 'The kind must be text',
  }),
  field('capacity', ['容量', '床位数', '座位数'], 'number', false, nonNegative, COUNT_PROBLEM),
];

/** The columns a reader of `which` points knows. */
export function pointFields(which: Which): readonly PointField[] {
  return which === 'service' ? SERVICE : RESIDENTIAL;
}
