import { INDICATOR_PROFILES } from './profiles.js';
import type { Baseline, Comparator, IndicatorProfile, Target } from './types.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const SYMBOL: Record<Comparator, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤' };
const baselineText = (baseline: Baseline | undefined) =>
  baseline === undefined
    ? '—'
    : `${baseline.comparator === undefined ? '' : `${SYMBOL[baseline.comparator]} `}${baseline.value} (${baseline.year}; ${baseline.confidence})`;
const targetText = (target: Target | undefined) =>
  target === undefined
    ? '—'
    : `${SYMBOL[target.comparator]} ${target.value} (${target.year}; ${target.confidence})`;
const cited = (point: Baseline | Target) =>
  point.quote === undefined ? point.source : `${point.source}: "${point.quote}"`;

/**
 * Renders indicator profiles as a Markdown page: for each profile a table of its indicators with formula, unit,
 * baseline, target (each with its confidence) and sources. `docs/indicators.md` is generated with it, so the page
 * never disagrees with the catalogue.
 *
 * @param profiles - the profiles to describe (default: the built-in ones)
 * @returns Markdown text
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
    '',
  ];
  for (const profile of profiles) {
    lines.push(`## ${profile.name.zh} · ${profile.name.en} (\`${profile.id}\`)`, '');
    lines.push(
      '| id | 指标 indicator | formula | unit | counts | baseline | target |',
      '|---|---|---|---|---|---|---|',
    );
    for (const { indicator, baseline, target } of profile.indicators) {
      const counts =
        indicator.appliesTo.join(', ') +
        (indicator.scope === undefined ? '' : ` (${indicator.scope.name.en})`);
      lines.push(
        `| \`${indicator.id}\` | ${cell(indicator.name.zh)}<br>${cell(indicator.name.en)} | ${cell(indicator.formula.zh)} | ${indicator.unit.zh} | ${counts} | ${baselineText(baseline)} | ${targetText(target)} |`,
      );
    }
    lines.push('', 'Sources:', '');
    for (const { indicator, baseline, target } of profile.indicators) {
      const sources = [`definition: ${indicator.source}`];
      if (baseline !== undefined) sources.push(`baseline: ${cited(baseline)}`);
      if (target !== undefined) sources.push(`target: ${cited(target)}`);
      lines.push(`- \`${indicator.id}\` — ${cell(sources.join('; '))}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
