import type { LocalizedText } from '../core/issue.js';

/**
 * One row of the credit-code category table: the registration authority (position 1) and the category (position 2).
 *
 * @example
 * ```ts
 * import type { CreditCodeCategoryEntry } from 'shequ';
 * const entry: CreditCodeCategoryEntry = {
 *   authority: { zh: '民政', en: 'civil affairs' },
 *   category: { zh: '社会团体', en: 'social organisation' },
 * };
 * ```
 */
export interface CreditCodeCategoryEntry {
  /** 登记管理部门. */
  readonly authority: LocalizedText;
  /** 机构类别. */
  readonly category: LocalizedText;
  /** `'unverified'` for prefixes used in practice but not found in the standard's table. Default: standard. */
  readonly confidence?: 'standard' | 'unverified';
}

const A = {
  organs: { zh: '机构编制', en: 'public-sector establishment' },
  foreign: { zh: '外交', en: 'foreign affairs' },
  justice: { zh: '司法行政', en: 'justice administration' },
  culture: { zh: '文化', en: 'culture' },
  civil: { zh: '民政', en: 'civil affairs' },
  tourism: { zh: '旅游', en: 'tourism' },
  religion: { zh: '宗教', en: 'religious affairs' },
  unions: { zh: '工会', en: 'trade unions' },
  market: { zh: '工商（市场监管）', en: 'market regulation' },
  military: {
    zh: '中央军委改革和编制办公室',
    en: 'Central Military Commission reform and establishment office',
  },
  agriculture: { zh: '农业（农业农村）', en: 'agriculture and rural affairs' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, LocalizedText>;

const OTHER = { zh: '其他', en: 'other' } as const;

function entry(authority: LocalizedText, zh: string, en: string): CreditCodeCategoryEntry {
  return { authority, category: { zh, en } };
}

/**
 * GB 32100-2015's table of registration authorities (position 1) and categories (position 2), keyed by the two
 * characters, plus 54 村民委员会 and 55 居民委员会, which validators use in practice but the standard's table does
 * not list (`confidence: 'unverified'`). Add or replace entries through `validateCreditCode`'s `categories` option.
 *
 * @example
 * ```ts
 * import { CREDIT_CODE_CATEGORIES } from 'shequ';
 * CREDIT_CODE_CATEGORIES['52']?.category.zh;
 * //=> '民办非企业单位（社会服务机构）'
 * ```
 */
export const CREDIT_CODE_CATEGORIES: Readonly<Record<string, CreditCodeCategoryEntry>> = {
  '11': entry(A.organs, '机关', 'government organ'),
  '12': entry(A.organs, '事业单位', 'public institution'),
  '13': entry(
    A.organs,
    '中央编办直接管理机构编制的群众团体',
    'mass organisation under the central establishment office',
  ),
  '19': { authority: A.organs, category: OTHER },
  '21': entry(A.foreign, '外国常住新闻机构', 'resident foreign news agency'),
  '29': { authority: A.foreign, category: OTHER },
  '31': entry(A.justice, '律师执业机构', 'law firm'),
  '32': entry(A.justice, '公证处', 'notary office'),
  '33': entry(A.justice, '基层法律服务所', 'grassroots legal service office'),
  '34': entry(A.justice, '司法鉴定机构', 'forensic appraisal institution'),
  '35': entry(A.justice, '仲裁委员会', 'arbitration commission'),
  '39': { authority: A.justice, category: OTHER },
  '41': entry(A.culture, '外国在华文化中心', 'foreign cultural centre in China'),
  '49': { authority: A.culture, category: OTHER },
  '51': entry(A.civil, '社会团体', 'social organisation'),
  '52': entry(
    A.civil,
    '民办非企业单位（社会服务机构）',
    'private non-enterprise unit (social service organisation)',
  ),
  '53': entry(A.civil, '基金会', 'foundation'),
  '54': { ...entry(A.civil, '村民委员会', "villagers' committee"), confidence: 'unverified' },
  '55': { ...entry(A.civil, '居民委员会', "residents' committee"), confidence: 'unverified' },
  '59': { authority: A.civil, category: OTHER },
  '61': entry(A.tourism, '外国旅游部门常驻代表机构', 'representative office of a foreign tourism authority'),
  '62': entry(
    A.tourism,
    '港澳台地区旅游部门常驻内地代表机构',
    'representative office of a Hong Kong, Macao or Taiwan tourism authority',
  ),
  '69': { authority: A.tourism, category: OTHER },
  '71': entry(A.religion, '宗教活动场所', 'place of religious activity'),
  '72': entry(A.religion, '宗教院校', 'religious school'),
  '79': { authority: A.religion, category: OTHER },
  '81': entry(A.unions, '基层工会', 'grassroots trade union'),
  '89': { authority: A.unions, category: OTHER },
  '91': entry(A.market, '企业', 'enterprise'),
  '92': entry(A.market, '个体工商户', 'individual business'),
  '93': entry(A.market, '农民专业合作社', "farmers' specialised cooperative"),
  A1: entry(A.military, '军队事业单位', 'military public institution'),
  A9: { authority: A.military, category: OTHER },
  N1: entry(A.agriculture, '组级集体经济组织', 'group-level collective economic organisation'),
  N2: entry(A.agriculture, '村级集体经济组织', 'village-level collective economic organisation'),
  N3: entry(A.agriculture, '乡镇级集体经济组织', 'township-level collective economic organisation'),
  N9: { authority: A.agriculture, category: OTHER },
  Y1: { authority: A.other, category: OTHER },
};
