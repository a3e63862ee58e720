/**
 * The default {@link RenderContext}: indicator names and units from the indicator catalogue, rule titles from the
 * rule catalogue or the rule profile in force (loaded by the people formats only: the data formats need no catalogue).
 */
import { ownValue } from '../core/own-value.js';
import { ShequError } from '../core/result.js';
import { isText } from '../core/shape.js';
import { INDICATORS, isIndicatorId } from '../indicators/catalogue.js';
import { RULES } from '../standards/catalogue.js';
import { type RuleProfileName, resolveRuleProfile, unknownRuleProfileIssue } from '../standards/profiles.js';
import type { AnyRule, RuleProfile } from '../standards/types.js';
import type { Bilingual, RenderContext, ReportLang } from './columns.js';

/**
 * The catalogue's entry of a built-in indicator; `undefined` for a caller's own id, whatever it is (`constructor` or
 * `__proto__` is an id like any other, not a key of Object.prototype).
 */
export function catalogueIndicator(id: string): { name: Bilingual; unit: Bilingual } | undefined {
  return isIndicatorId(id) ? INDICATORS[id] : undefined;
}
let ruleTitles: Map<string, Bilingual> | undefined;

/**
 * A rule's title from the catalogue, true whatever the date: a rule has several dated versions, and where their
 * titles differ (the households of a residents' committee: 100–700, then 1 000–3 000) each is given with its dates,
 * for a page or a table that names the rule by id does not know which version a finding applied. `undefined` for a
 * caller's own rule id (`constructor` or `__proto__` included).
 *
 * @param id - a rule id
 * @returns its title, or undefined
 *
 * @example
 * ```ts
 * catalogueRuleTitle('law.residentsCommitteeHouseholds')?.en;
 * //=> "A residents' committee covers 100–700 households as a rule (until 2025-12-31); A residents' committee covers 1000–3000 households as a rule (from 2026-01-01)"
 * ```
 */
export function catalogueRuleTitle(id: string): Bilingual | undefined {
  ruleTitles ??= titlesById(Object.values(RULES).flatMap((entry): AnyRule[] => [entry].flat()));
  return ruleTitles.get(id);
}

/** The title of each rule id of a list of rules, true of all its versions there (titleOfVersions). */
function titlesById(rules: readonly AnyRule[]): Map<string, Bilingual> {
  const versions = new Map<string, AnyRule[]>();
  for (const rule of rules) {
    const list = versions.get(rule.id);
    if (list === undefined) versions.set(rule.id, [rule]);
    else list.push(rule);
  }
  return new Map([...versions].map(([ruleId, list]) => [ruleId, titleOfVersions(list)]));
}

/** One title for the dated versions of a rule: theirs when they agree, else each with its dates. */
function titleOfVersions(versions: readonly AnyRule[]): Bilingual {
  const first = (versions[0] as AnyRule).title;
  if (versions.every((rule) => rule.title.zh === first.zh && rule.title.en === first.en)) return first;
  const dated = (rule: AnyRule, lang: 'zh' | 'en') => {
    const { from, to } = rule.effective;
    const zh = from === undefined ? `截至 ${to}` : to === undefined ? `${from} 起` : `${from} 至 ${to}`;
    const en = from === undefined ? `until ${to}` : to === undefined ? `from ${from}` : `${from} to ${to}`;
    return lang === 'zh' ? `${rule.title.zh}（${zh}）` : `${rule.title.en} (${en})`;
  };
  return {
    zh: versions.map((rule) => dated(rule, 'zh')).join('；'),
    en: versions.map((rule) => dated(rule, 'en')).join('; '),
  };
}

/**
 * The titles of the rules of a rule profile (a name or an object), as its own rules state them (a profile that changed
 * a rule's parameters changed its title); a rule without a title in Chinese and English has none here.
 */
function profileRuleTitles(rules: unknown): Map<string, Bilingual> {
  const profile = resolveRuleProfile(rules as RuleProfile);
  if (profile === undefined) throw new ShequError([unknownRuleProfileIssue(rules, ['rules'])]);
  return titlesById(profile.rules.filter((rule) => isText(ownValue(rule, 'title'))));
}

/**
 * The names the catalogues give, in a language: what the people formats use unless a caller passes its own. Given the
 * rule profile in force, a rule of it is titled as that profile states it (a profile that sets a rule's minimum to 35
 * titles it "不低于35平方米", as its findings say), any other rule as the catalogue does.
 *
 * @param lang - the language
 * @param regionName - region names (from division lists), when known
 * @param rules - the rule profile whose findings are shown: a built-in name or a profile object (default: the
 *   catalogue's titles, which are every built-in profile's)
 * @returns the context
 * @throws {@link shequ!ShequError} for `rules` that are neither a built-in name nor a rule profile object
 *   (`invalid_value` at `rules`)
 *
 * @example
 * ```ts
 * const context = defaultRenderContext('zh');
 * [context.indicatorName('communityHomes'), context.indicatorUnit('communityHomes', 'count'), context.ruleTitle('nope')];
 * //=> ['"社区之家"数量', '个', 'nope']
 * const strict = deriveRuleProfile(RULE_PROFILES.hebei, {
 *   id: 'strict',
 *   parameters: { 'facility.areaPer100Households': { minimum: 35 } },
 * });
 * defaultRenderContext('zh', undefined, strict).ruleTitle('facility.areaPer100Households');
 * //=> '每百户居民拥有综合服务设施面积不低于35平方米'
 * ```
 */
export function defaultRenderContext(
  lang: ReportLang,
  regionName?: (code: string) => string | undefined,
  rules?: RuleProfile | RuleProfileName,
): RenderContext {
  const titles = rules === undefined ? undefined : profileRuleTitles(rules);
  return {
    lang,
    indicatorName: (id) => catalogueIndicator(id)?.name[lang] ?? id,
    indicatorUnit: (id, fallback) => catalogueIndicator(id)?.unit[lang] ?? fallback,
    ruleTitle: (id) => (titles?.get(id) ?? catalogueRuleTitle(id))?.[lang] ?? id,
    ...(regionName === undefined ? {} : { regionName }),
  };
}

/**
 * The context a format renders with: the caller's, else the catalogues' in the caller's language (default Chinese).
 *
 * @param options - the language and the context a caller gave
 * @returns the context
 *
 * @example
 * ```ts
 * resolveRenderContext({ lang: 'en' }).lang;
 * //=> 'en'
 * ```
 */
export function resolveRenderContext(options: {
  readonly lang?: ReportLang;
  readonly context?: RenderContext;
}): RenderContext {
  return (
    ownValue<RenderContext>(options, 'context') ??
    defaultRenderContext(ownValue(options, 'lang') === 'en' ? 'en' : 'zh')
  );
}

/**
 * A region's name from a context's lists, when it has them (`regionName`, read as the context's own: a
 * `regionName` given to Object.prototype is not the context's).
 *
 * @param context - the context
 * @param code - a region's code
 * @returns its name, or undefined
 *
 * @example
 * ```ts
 * contextRegionName(defaultRenderContext('zh', () => '正定县'), '130123000000');
 * //=> '正定县'
 * ```
 */
export function contextRegionName(context: RenderContext, code: string): string | undefined {
  return ownValue<RenderContext['regionName']>(context, 'regionName')?.call(context, code);
}

/**
 * The language of data cells a format's options ask for: `lang`, else the context's, else Chinese — each read as the
 * options' own (core/own-value.ts: a `lang` given to Object.prototype is not an option).
 *
 * @param options - the format's options
 * @returns the language
 *
 * @example
 * ```ts
 * [resolveLang({}), resolveLang({ lang: 'en' }), resolveLang({ context: defaultRenderContext('en') })];
 * //=> ['zh', 'en', 'en']
 * ```
 */
export function resolveLang(options: {
  readonly lang?: ReportLang;
  readonly context?: RenderContext;
}): ReportLang {
  return ownValue<ReportLang>(options, 'lang') ?? ownValue<RenderContext>(options, 'context')?.lang ?? 'zh';
}
