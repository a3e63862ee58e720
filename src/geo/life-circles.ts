import type { LocalizedText } from '../core/issue.js';

/**
 * A life-circle level of GB 50180-2018《城市居住区规划设计标准》: the walking time and the walking distance it stands
 * for, with the source and how sure that figure is.
 *
 * @example
 * ```ts
 * import { LIFE_CIRCLES, type LifeCircle } from 'shequ/geo';
 * const circle: LifeCircle = LIFE_CIRCLES[15];
 * circle.walkingMetres;
 * //=> { min: 800, max: 1000 }
 * ```
 */
export interface LifeCircle {
  /** Walking time in minutes. */
  readonly minutes: 5 | 10 | 15;
  /** Its name in the standard. */
  readonly name: LocalizedText;
  /** The walking distance the standard gives, in metres (a range for the 15-minute circle). */
  readonly walkingMetres: Range;
  /** Residents such a circle serves (approximate, from the same table). */
  readonly residents: Range;
  /** Document and clause. */
  readonly source: string;
  /**
   * How the figure was checked: `secondary` (matches a published secondary source, named in `source`) or
   * `recalled` (as the standard is commonly quoted; not checked against its text).
   */
  readonly confidence: 'secondary' | 'recalled';
}

/**
 * A range of figures, both ends included.
 *
 * @example
 * ```ts
 * import type { Range } from 'shequ/geo';
 * const range: Range = { min: 800, max: 1000 };
 * ```
 */
export interface Range {
  /** Lower end. */
  readonly min: number;
  /** Upper end. */
  readonly max: number;
}

const STANDARD = 'GB 50180-2018《城市居住区规划设计标准》(2018-12-01)';

/**
 * The three life circles of GB 50180-2018 (术语 2.0.2–2.0.4 and 表 4.0.1 居住区分级控制规模). shequ measures reach
 * against the upper walking distance (`walkingMetres.max`) unless told otherwise.
 *
 * @example
 * ```ts
 * import { LIFE_CIRCLES } from 'shequ/geo';
 * LIFE_CIRCLES[10].walkingMetres.max;
 * //=> 500
 * ```
 */
export const LIFE_CIRCLES: Readonly<Record<5 | 10 | 15, LifeCircle>> = {
  15: {
    minutes: 15,
    name: { zh: '十五分钟生活圈居住区', en: '15-minute life circle' },
    walkingMetres: { min: 800, max: 1000 },
    residents: { min: 50_000, max: 100_000 },
    source: `${STANDARD} 2.0.2, 表 4.0.1`,
    confidence: 'recalled',
  },
  10: {
    minutes: 10,
    name: { zh: '十分钟生活圈居住区', en: '10-minute life circle' },
    walkingMetres: { min: 500, max: 500 },
    residents: { min: 15_000, max: 25_000 },
    source: `${STANDARD} 2.0.3, 表 4.0.1; 中国大百科全书 "十分钟生活圈居住区" (步行十分钟约500米, 15000人~25000人)`,
    confidence: 'secondary',
  },
  5: {
    minutes: 5,
    name: { zh: '五分钟生活圈居住区', en: '5-minute life circle' },
    walkingMetres: { min: 300, max: 300 },
    residents: { min: 5_000, max: 12_000 },
    source: `${STANDARD} 2.0.4, 表 4.0.1`,
    confidence: 'recalled',
  },
};

/**
 * The default detour factor: walking distance ÷ straight-line distance. Street networks make people walk about a
 * quarter farther than the crow flies in Chinese urban blocks (the usual planning assumption is 1.2–1.4); this is an
 * assumption of shequ, not a figure of the standard — pass your own `detourFactor` when you have one.
 *
 * @example
 * ```ts
 * import { DEFAULT_DETOUR_FACTOR } from 'shequ/geo';
 * DEFAULT_DETOUR_FACTOR;
 * //=> 1.25
 * ```
 */
export const DEFAULT_DETOUR_FACTOR = 1.25;

/**
 * A named list of service kinds a residential point must reach, with the words data uses for each kind.
 *
 * @example
 * ```ts
 * import { BEIJING_CONVENIENCE_OUTLETS, type ServiceKindProfile } from 'shequ/geo';
 * const profile: ServiceKindProfile = BEIJING_CONVENIENCE_OUTLETS;
 * profile.kinds.length;
 * //=> 6
 * ```
 */
export interface ServiceKindProfile {
  /** Identifier. */
  readonly id: string;
  /** Name. */
  readonly name: LocalizedText;
  /** The kinds: the canonical name (as the plan writes it), an English label and other words for it. */
  readonly kinds: readonly {
    /** The canonical name, as the plan writes it. */
    readonly kind: string;
    /** Its label in Chinese and English. */
    readonly label: LocalizedText;
    /** Other words data uses for it (matched after NFKC, white space and case are ignored). */
    readonly aliases: readonly string[];
  }[];
  /** Document, section and the quoted sentence. */
  readonly source: {
    /** The document. */
    readonly document: string;
    /** Its section. */
    readonly section: string;
    /** The sentence, verbatim. */
    readonly quote: string;
  };
}

/**
 * Beijing's basic convenience outlets, the default required kinds: 北京市"十四五"城乡社区服务体系建设规划 三(九)
 * "巩固城市社区蔬菜零售、便利店（社区超市）、早餐、美容美发、便民维修、家政等基本便民商业网点全覆盖成果". The canonical
 * kinds are the plan's words; the aliases include the keys of the model's `ConvenienceOutlet`.
 *
 * @example
 * ```ts
 * import { BEIJING_CONVENIENCE_OUTLETS } from 'shequ/geo';
 * BEIJING_CONVENIENCE_OUTLETS.kinds.map((entry) => entry.kind);
 * //=> ['蔬菜零售', '便利店（社区超市）', '早餐', '美容美发', '便民维修', '家政']
 * ```
 */
export const BEIJING_CONVENIENCE_OUTLETS: ServiceKindProfile = {
  id: 'beijing-convenience-outlets',
  name: { zh: '北京基本便民商业网点', en: 'Beijing basic convenience outlets' },
  kinds: [
    {
      kind: '蔬菜零售',
      label: { zh: '蔬菜零售', en: 'vegetable retail' },
      aliases: ['vegetables', '菜店', '蔬菜店', '菜市场', '蔬菜'],
    },
    {
      kind: '便利店（社区超市）',
      label: { zh: '便利店（社区超市）', en: 'convenience store' },
      aliases: ['convenienceStore', '便利店', '社区超市', '超市'],
    },
    { kind: '早餐', label: { zh: '早餐', en: 'breakfast' }, aliases: ['breakfast', '早餐店', '早点'] },
    {
      kind: '美容美发',
      label: { zh: '美容美发', en: 'hairdressing' },
      aliases: ['hairdressing', '理发', '美发', '理发店'],
    },
    { kind: '便民维修', label: { zh: '便民维修', en: 'repairs' }, aliases: ['repairs', '维修', '修理'] },
    { kind: '家政', label: { zh: '家政', en: 'housekeeping' }, aliases: ['housekeeping', '家政服务'] },
  ],
  source: {
    document: '《北京市"十四五"城乡社区服务体系建设规划》(2022-09-13)',
    section: '三(九)',
    quote:
      '巩固城市社区蔬菜零售、便利店（社区超市）、早餐、美容美发、便民维修、家政等基本便民商业网点全覆盖成果',
  },
};

/**
 * The Hebei co-location rule: community health service centres built next to elderly-care facilities —
 * 《河北省城乡社区服务体系建设"十四五"规划》 "推动城乡社区卫生服务中心与城乡社区养老服务设施毗邻建设". The plan gives no
 * distance for 毗邻 (adjacent); `withinMetres` (100) is shequ's assumption — pass your own.
 *
 * @example
 * ```ts
 * import { HEBEI_HEALTH_BESIDE_ELDERLY_CARE } from 'shequ/geo';
 * [HEBEI_HEALTH_BESIDE_ELDERLY_CARE.kind, HEBEI_HEALTH_BESIDE_ELDERLY_CARE.near];
 * //=> ['社区卫生服务中心', '养老服务设施']
 * ```
 */
export const HEBEI_HEALTH_BESIDE_ELDERLY_CARE = {
  /** The kind checked. */
  kind: '社区卫生服务中心',
  /** The kind it must stand beside. */
  near: '养老服务设施',
  /** Distance that counts as beside (shequ's assumption). */
  withinMetres: 100,
  /** Where the rule comes from. */
  source: {
    /** The plan. */
    document: '《河北省城乡社区服务体系建设"十四五"规划》(2022-03-08)',
    /** The sentence, verbatim. */
    quote: '推动城乡社区卫生服务中心与城乡社区养老服务设施毗邻建设',
  },
} as const;

/** Matching form of a kind: NFKC (full-width brackets → ASCII), no white space, lower case. */
export function normalizeKind(kind: string): string {
  return kind.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The alias table of profiles: matching form of every name and alias → canonical kind. */
export function kindAliasTable(profiles: readonly ServiceKindProfile[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const profile of profiles) {
    for (const entry of profile.kinds) {
      for (const name of [entry.kind, entry.label.en, ...entry.aliases])
        table.set(normalizeKind(name), entry.kind);
    }
  }
  return table;
}
