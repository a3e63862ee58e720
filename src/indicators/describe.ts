import { throwingGuard } from '../core/guard.js';
import type { LocalizedText, PathSegment } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import { checkedItems, EXPECTED, isStringList, isText, shapeIssue } from '../core/shape.js';
import { isCited, isIndicatorProfile, isProfileFact } from './profile-check.js';
import { notAProfileObjectIssue } from './profile-issue.js';
import { INDICATOR_PROFILES } from './profiles.js';
import { INDICATOR_PROPERTY_LABELS } from './property.js';
import type {
  Baseline,
  Comparator,
  IndicatorDefinition,
  IndicatorProfile,
  ProfileFact,
  Target,
} from './types.js';

// Optional keys are read as the profile's own (core/own-value.ts): a key given to Object.prototype is not its.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const SYMBOL: Record<Comparator, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤' };
const sign = (point: object) => {
  const comparator = ownValue<Comparator>(point, 'comparator');
  return comparator === undefined ? '' : `${SYMBOL[comparator]} `;
};
const baselineText = (baseline: Baseline | undefined) =>
  baseline === undefined
    ? '—'
    : `${sign(baseline)}${baseline.value} (${baseline.year}; ${baseline.confidence})`;
const targetText = (target: Target | undefined) =>
  target === undefined
    ? '—'
    : `${SYMBOL[target.comparator]} ${target.value} (${target.year}; ${target.confidence})`;
const cited = (point: Baseline | Target) => {
  const quote = ownValue<string>(point, 'quote');
  return quote === undefined ? point.source : `${point.source}: "${quote}"`;
};
const propertyText = (indicator: IndicatorDefinition) => {
  const property = ownValue<IndicatorDefinition['property']>(indicator, 'property');
  return property === undefined ? '—' : INDICATOR_PROPERTY_LABELS[property].zh;
};

/** The facts of a profile: a table and their citations (nothing when it has none). */
function factLines(facts: readonly ProfileFact[] | undefined): string[] {
  if (facts === undefined || facts.length === 0) return [];
  const lines = [
    'Facts the plan states (no indicator’s baseline) · 规划所述事实:',
    '',
    '| id | 事实 fact | value | year | confidence | source |',
    '|---|---|---|---|---|---|',
  ];
  for (const fact of facts) {
    const value = `${sign(fact)}${ownValue(fact, 'approximate') === true ? '≈ ' : ''}${fact.value} ${fact.unit.zh}`;
    const note = ownValue<string>(fact, 'note') === undefined ? '' : ` (${ownValue<string>(fact, 'note')})`;
    lines.push(
      `| \`${fact.id}\` | ${cell(fact.name.zh)}<br>${cell(fact.name.en)} | ${cell(value)} | ${fact.year} | ${fact.confidence} | ${cell(`${fact.source}: "${fact.quote}"${note}`)} |`,
    );
  }
  lines.push('');
  return lines;
}

/**
 * Renders indicator profiles as a Markdown page: for each profile a table of its indicators with formula, unit,
 * property (属性, where a text states it), baseline, target (each with its confidence) and sources, then the facts
 * the plan states that are no indicator's baseline. `docs/indicators.md` is generated with it, so the page
 * never disagrees with the catalogue.
 *
 * @param profiles - the profiles to describe (default: the built-in ones): an array or another iterable
 * @returns Markdown text
 * @throws {@link shequ!ShequError} for `profiles` that are no list, an item that is no profile object (a name such as
 *   `'hebei'`: `INDICATOR_PROFILES.hebei` is the profile), or a profile without a text the page shows (a name, a
 *   formula, a source, a cited baseline or target, a fact): each an issue at its path in `profiles`
 *
 * @example
 * ```ts
 * import { describeIndicatorProfiles } from 'shequ';
 * describeIndicatorProfiles().includes('每百户居民拥有社区综合服务设施面积');
 * //=> true
 * ```
 */
export function describeIndicatorProfiles(
  profiles: readonly IndicatorProfile[] = Object.values(INDICATOR_PROFILES),
): string {
  return throwingGuard(() => pageOf(describableProfiles(profiles)));
}

/** The Markdown page of profiles checked to hold every text it shows. */
function pageOf(profiles: readonly IndicatorProfile[]): string {
  const lines = [
    '---',
    'title: Indicators 指标',
    '---',
    '',
    '# Indicators · 指标',
    '',
    'Generated from the catalogue (`describeIndicatorProfiles()`); do not edit by hand. 本页由指标目录自动生成。',
    '',
    'Every value is Σ numerator / Σ denominator × scale over the units of a region, divided once and rounded once',
    '(half-up, one decimal, by default). Confidence: `seed` — stated in a plan text; `national` — stated by officials',
    'about the national plan; `local-consensus` — the same value in several local plans; `unverified` — a placeholder.',
    'Property (属性): 预期性 or 约束性 where a plan text states it; — where none does (neither plan text gives one).',
    'Baselines and targets are those of the 十四五 (2021–2025). The 十五五 (2026–2030) has none built in — no 十五五 plan',
    'text is held — so its statuses are `no-target` until a profile file adds them (see profiles.md).',
    'The evaluation table of a period that has ended (baseline, target, actual of the target year, 完成情况) is',
    '`evaluatePlanPeriod` / `shequ evaluate` (see [evaluation.md](evaluation.md)).',
    '',
  ];
  for (const profile of profiles) {
    lines.push(`## ${profile.name.zh} · ${profile.name.en} (\`${profile.id}\`)`, '');
    lines.push(
      '| id | 指标 indicator | formula | unit | property 属性 | counts | baseline | target |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const entry of profile.indicators) {
      const { indicator } = entry;
      const scope = ownValue<IndicatorDefinition['scope']>(indicator, 'scope');
      const counts = indicator.appliesTo.join(', ') + (scope === undefined ? '' : ` (${scope.name.en})`);
      lines.push(
        `| \`${indicator.id}\` | ${cell(indicator.name.zh)}<br>${cell(indicator.name.en)} | ${cell(indicator.formula.zh)} | ${indicator.unit.zh} | ${propertyText(indicator)} | ${counts} | ${baselineText(ownValue(entry, 'baseline'))} | ${targetText(ownValue(entry, 'target'))} |`,
      );
    }
    lines.push('', 'Sources:', '');
    for (const entry of profile.indicators) {
      const baseline = ownValue<Baseline>(entry, 'baseline');
      const target = ownValue<Target>(entry, 'target');
      const sources = [`definition: ${entry.indicator.source}`];
      if (baseline !== undefined) sources.push(`baseline: ${cited(baseline)}`);
      if (target !== undefined) sources.push(`target: ${cited(target)}`);
      lines.push(`- \`${entry.indicator.id}\` — ${cell(sources.join('; '))}`);
    }
    lines.push('', ...factLines(ownValue(profile, 'facts')));
  }
  return `${lines.join('\n')}`;
}

/** The profiles given, each checked to be a profile with every text the page shows; a ShequError for any that is not. */
function describableProfiles(profiles: unknown): IndicatorProfile[] {
  return checkedItems<IndicatorProfile>(
    profiles,
    'profiles',
    { zh: '指标方案的数组', en: 'an array of indicator profiles' },
    (profile, path) => {
      if (!isIndicatorProfile(profile)) return notAProfileObjectIssue(profile, path);
      const missing = missingText(profile);
      return missing === undefined
        ? undefined
        : shapeIssue('invalid_value', [...path, ...missing[0]], missing[1]);
    },
  );
}

const CITED: LocalizedText = {
  zh: '注明出处的值（confidence、source、quote 为文本）',
  en: 'a cited figure (confidence, source and quote as text)',
};

/**
 * The first part of a profile (checked to run) that the page cannot show, with what it should be: a name, formula,
 * source or scope name that is no text, a baseline or target without its citation, a fact of the wrong shape.
 */
function missingText(profile: IndicatorProfile): [PathSegment[], LocalizedText] | undefined {
  if (!isText(profile.name)) return [['name'], EXPECTED.localized];
  for (const [index, entry] of profile.indicators.entries()) {
    const { indicator } = entry;
    const at = (key: string): PathSegment[] => ['indicators', index, 'indicator', key];
    if (!isText(indicator.name)) return [at('name'), EXPECTED.localized];
    if (!isText(indicator.formula)) return [at('formula'), EXPECTED.localized];
    if (typeof indicator.source !== 'string') return [at('source'), EXPECTED.text];
    if (!isStringList(indicator.appliesTo)) return [at('appliesTo'), EXPECTED.textList];
    const scope = ownValue<IndicatorDefinition['scope']>(indicator, 'scope');
    if (scope !== undefined && !isText(scope.name)) return [[...at('scope'), 'name'], EXPECTED.localized];
    for (const key of ['baseline', 'target']) {
      const point = ownValue<Baseline | Target>(entry, key);
      if (point !== undefined && !isCited(point as unknown as Record<string, unknown>))
        return [['indicators', index, key], CITED];
    }
  }
  const facts = ownValue<readonly unknown[]>(profile, 'facts') ?? [];
  const fact = facts.findIndex((each) => !isProfileFact(each));
  return fact < 0 ? undefined : [['facts', fact], { zh: '事实（ProfileFact）', en: 'a fact (ProfileFact)' }];
}
