import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AnyRule,
  type Baseline,
  INDICATOR_PROFILES,
  INDICATORS,
  RULE_PROFILES,
  RULES,
  type Target,
} from '../../src/index.js';

// Every quote the rule and indicator catalogues attribute to one of the two plans must be in that plan's text, and
// every figure they attribute to a plan must be in its quote. See test/fixtures/plans/SOURCE.md.
const plan = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plans', name), 'utf8');

/**
 * The only normalisation: white space (any run, full-width space included) becomes one space, and the full-width
 * forms of the digits and of % become half-width. Nothing else: quotation marks, brackets and punctuation must match
 * as written, so a paraphrase cannot pass.
 */
function normalise(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uff05/g, '%')
    .replace(/\s+/gu, ' ')
    .trim();
}

const TEXTS = { beijing: normalise(plan('beijing-2022.txt')), hebei: normalise(plan('hebei-2022.txt')) };
type Seed = keyof typeof TEXTS;

/** Which plan a citation names: the rules name the plans by title, the indicator profiles by title and seed number. */
function seedOf(citation: string): Seed | undefined {
  if (citation.includes('河北省城乡社区服务体系建设') || citation.includes('seed 002')) return 'hebei';
  if (citation.includes('北京市"十四五"城乡社区服务体系建设规划') || citation.includes('seed 000'))
    return 'beijing';
  return undefined;
}

/** A quote may join passages of one plan with " … "; each passage must be verbatim. */
const passages = (quote: string) => quote.split(' … ').map(normalise);

/**
 * Whether a figure is written in the quote: as a number not part of a longer one, or 100 % as 全覆盖/所有, or as
 * "动态清零" (none left without it: every one with it — 未通宽带行政村动态清零).
 */
function statesFigure(quote: string, figure: number): boolean {
  const text = normalise(quote);
  if (figure === 100 && /全覆盖|所有|动态清零/.test(text)) return true;
  return new RegExp(`(?<![\\d.])${String(figure).replace('.', '\\.')}(?![\\d.])`).test(text);
}

/** Whether a count is written in the quote as itself or in 万 (61 400 as "6.14万"). */
function statesCount(quote: string, figure: number): boolean {
  if (statesFigure(quote, figure)) return true;
  const tenThousands = String(figure / 10_000).replace('.', '\\.');
  return new RegExp(`(?<![\\d.])${tenThousands}万`).test(normalise(quote));
}

interface Attributed {
  readonly where: string;
  readonly seed: Seed;
  readonly quote: string | undefined;
  readonly figures: readonly number[];
  /** Figures are counts, which a plan may write in 万. */
  readonly counts?: boolean;
}

const rulesOf = (): AnyRule[] => [
  ...new Set([...Object.values(RULES).flat(), ...Object.values(RULE_PROFILES).flatMap((p) => p.rules)]),
];

function ruleAttributions(): Attributed[] {
  return rulesOf().flatMap((rule) => {
    const seed = seedOf(rule.source.document);
    if (seed === undefined) return [];
    const figures = Object.values(rule.parameters).filter(
      (value): value is number => typeof value === 'number',
    );
    return [{ where: `rule ${rule.id} (${rule.source.document})`, seed, quote: rule.source.quote, figures }];
  });
}

function pointAttributions(): Attributed[] {
  const found: Attributed[] = [];
  for (const profile of Object.values(INDICATOR_PROFILES)) {
    for (const entry of profile.indicators) {
      for (const [kind, point] of [
        ['baseline', entry.baseline],
        ['target', entry.target],
      ] as [string, Baseline | Target | undefined][]) {
        const seed = point === undefined ? undefined : seedOf(point.source);
        if (point === undefined || seed === undefined) continue;
        found.push({
          where: `${profile.id} ${entry.indicator.id} ${kind}`,
          seed,
          quote: point.quote,
          // A figure is attributed to the plan when the confidence says the plan states it.
          figures: point.confidence === 'seed' ? [point.value] : [],
        });
      }
    }
  }
  return found;
}

/** The facts of the profiles (issue 14): each quote verbatim, each value written in it. */
function factAttributions(): Attributed[] {
  return Object.values(INDICATOR_PROFILES).flatMap((profile) =>
    (profile.facts ?? []).flatMap((fact) => {
      const seed = seedOf(fact.source);
      if (seed === undefined) return [];
      const figures = fact.confidence === 'seed' ? [fact.value] : [];
      return [{ where: `${profile.id} fact ${fact.id}`, seed, quote: fact.quote, figures, counts: true }];
    }),
  );
}

/** Text quoted inside a citation string ("…" or “…”) that names a plan: quoted words must be the plan's too. */
function embeddedQuotes(): Attributed[] {
  const citations = [
    ...Object.values(INDICATORS).map((indicator) => indicator.source),
    ...Object.values(INDICATOR_PROFILES).flatMap((profile) =>
      profile.indicators.flatMap((e) => [e.baseline?.source, e.target?.source]),
    ),
    ...rulesOf().map((rule) => rule.source.section),
  ].filter((citation): citation is string => citation !== undefined);
  return citations.flatMap((citation) => {
    const seed = seedOf(citation);
    if (seed === undefined) return [];
    // Titles in 《》 are not quotes of the text.
    const outside = citation.replace(/《[^》]*》/g, '');
    return [...outside.matchAll(/"([^"]+)"/g)].map((match) => ({
      where: `citation ${citation}`,
      seed,
      quote: match[1],
      figures: [],
    }));
  });
}

describe('quotes attributed to the plans are verbatim (issue 14)', () => {
  const all = [...ruleAttributions(), ...pointAttributions(), ...factAttributions(), ...embeddedQuotes()];

  it('covers the catalogue: both plans, rules and indicator profiles', () => {
    expect(all.filter((a) => a.seed === 'beijing').length).toBeGreaterThan(8);
    expect(all.filter((a) => a.seed === 'hebei').length).toBeGreaterThan(10);
    expect(all.some((a) => a.where.startsWith('hebei '))).toBe(true);
  });

  it.each(all.map((a) => [a.where, a] as const))('%s', (_where, attributed) => {
    expect(attributed.quote, 'a citation of a plan carries its words').toBeDefined();
    for (const passage of passages(attributed.quote ?? '')) {
      expect(TEXTS[attributed.seed].includes(passage), `not in the ${attributed.seed} plan: ${passage}`).toBe(
        true,
      );
    }
    const states = attributed.counts === true ? statesCount : statesFigure;
    for (const figure of attributed.figures)
      expect(states(attributed.quote ?? '', figure), `${figure} not in "${attributed.quote}"`).toBe(true);
  });
});

describe('the check cannot pass on a paraphrase', () => {
  it('normalises white space, full-width digits and % only', () => {
    expect(normalise('达到９８％以上')).toBe('达到98%以上');
    expect(normalise(' 面积\t23.6\n')).toBe('面积 23.6');
    expect(TEXTS.beijing.includes(normalise('城市社区覆盖率达到98%以上'))).toBe(true);
    // Straight quotation marks are not the text's “ ”; a changed figure or word is not the text.
    expect(TEXTS.hebei.includes(normalise('全面落实村（社区）"两委"班子成员资格联审机制'))).toBe(false);
    expect(TEXTS.hebei.includes(normalise('农村社区综合服务设施覆盖率达到80%以上'))).toBe(false);
    expect(
      TEXTS.hebei.includes(normalise('城市社区综合服务设施全覆盖；农村社区综合服务设施覆盖率达到80%以上')),
    ).toBe(false);
  });

  it('finds figures only as whole numbers of the quote', () => {
    expect(statesFigure('每百户居民拥有社区综合服务设施面积不低于30平方米', 30)).toBe(true);
    expect(statesFigure('每百户居民拥有社区综合服务设施面积不低于300平方米', 30)).toBe(false);
    expect(statesFigure('“一人兼”占75.93%', 75.9)).toBe(false);
    expect(statesFigure('城市社区覆盖率达到98％以上', 98)).toBe(true);
    expect(statesFigure('全省未通宽带行政村动态清零', 100)).toBe(true);
    expect(statesFigure('全省未通宽带行政村动态清零', 80)).toBe(false);
  });

  it('finds counts written in 万, and only the right ones', () => {
    expect(statesCount('社区注册志愿者192.01万人', 1_920_100)).toBe(true);
    expect(statesCount('社会工作专业人才3.63万人', 36_300)).toBe(true);
    expect(statesCount('社会工作专业人才3.63万人', 36_000)).toBe(false);
    expect(statesCount('社会工作专业人才13.63万人', 36_300)).toBe(false);
    expect(statesCount('每年培训村（社区）干部1.5万名左右', 15_000)).toBe(true);
    expect(statesCount('全市累计建成“一刻钟社区服务圈”1772个', 1772)).toBe(true);
  });

  it('covers every fact of the Hebei and Beijing profiles', () => {
    const facts = factAttributions();
    expect(facts.filter((a) => a.seed === 'beijing').length).toBe(INDICATOR_PROFILES.beijing.facts?.length);
    expect(facts.filter((a) => a.seed === 'hebei').length).toBe(INDICATOR_PROFILES.hebei.facts?.length);
    expect(facts.length).toBeGreaterThanOrEqual(10);
  });
});
