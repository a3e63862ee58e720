/**
 * Findings for the report page, in bounded memory: counts per rule, the first units of each rule, and the first
 * findings for the page's collapsed list — however many findings a national file has (the full list goes to a
 * companion CSV).
 */
import type { Severity } from '../../core/issue.js';
import { ownValue } from '../../core/own-value.js';
import type { Finding, RuleTally } from '../../standards/validate.js';
import type { RenderContext } from '../columns.js';
import { contextRegionName } from '../context.js';
import { SEVERITY_LABELS } from '../labels.js';
import { fileLink, htmlText } from './escape.js';

/**
 * One rule's findings, summarised.
 *
 * @example
 * ```ts
 * const rule: RuleDigest = { rule: 'workers.disasterOfficer', severity: 'error', count: 2, units: ['130123100201'] };
 * ```
 */
export interface RuleDigest {
  /** The rule id. */
  readonly rule: string;
  /** The severity of its first finding. */
  readonly severity: Severity;
  /** Its findings. */
  readonly count: number;
  /** The first units it found (distinct, at most the digest's `units`). */
  readonly units: readonly string[];
}

/**
 * Findings summarised for a page.
 *
 * @example
 * ```ts
 * const digest: FindingDigest = { total: 0, rules: [], first: [] };
 * ```
 */
export interface FindingDigest {
  /** Findings in all. */
  readonly total: number;
  /** Per rule, in the order their first finding came. */
  readonly rules: readonly RuleDigest[];
  /** The first findings (at most the digest's `list`), in the order they came. */
  readonly first: readonly Finding[];
}

/**
 * Options of {@link createFindingDigest}.
 *
 * @example
 * ```ts
 * const options: FindingDigestOptions = { units: 5, list: 1000 };
 * ```
 */
export interface FindingDigestOptions {
  /** Units kept per rule (default 5). */
  readonly units?: number;
  /** Findings kept for the list (default 1000). */
  readonly list?: number;
  /** The order of the list (the validator's `compare`: report order); default the order they came in. */
  readonly compare?: (a: Finding, b: Finding) => number;
}

/**
 * What {@link createFindingDigest} returns.
 *
 * @example
 * ```ts
 * const digester: FindingDigester = createFindingDigest();
 * ```
 */
export interface FindingDigester {
  /** Takes one finding. */
  add(finding: Finding): void;
  /** The digest of the findings taken so far. */
  digest(): FindingDigest;
}

/**
 * A digest that takes findings one at a time, holding only counts and the first few.
 *
 * @param options - how many units per rule and findings for the list
 * @returns `add` and `digest`
 *
 * @example
 * ```ts
 * const digest = createFindingDigest();
 * for (const finding of report.findings) digest.add(finding);
 * digest.digest().total === report.findings.length;
 * //=> true
 * ```
 */
export function createFindingDigest(options: FindingDigestOptions = {}): FindingDigester {
  // The options' own keys (core/own-value.ts): a key given to Object.prototype is not an option.
  const unitLimit = ownValue<number>(options, 'units') ?? 5;
  const listLimit = ownValue<number>(options, 'list') ?? 1000;
  const compare = ownValue<FindingDigestOptions['compare']>(options, 'compare');
  const rules = new Map<string, { rule: string; severity: Severity; count: number; units: string[] }>();
  const first: Finding[] = [];
  let total = 0;
  return {
    add(finding) {
      total++;
      if (first.length < listLimit) first.push(finding);
      let rule = rules.get(finding.rule);
      if (rule === undefined) {
        rule = { rule: finding.rule, severity: finding.severity, count: 0, units: [] };
        rules.set(finding.rule, rule);
      }
      rule.count++;
      if (rule.units.length < unitLimit && !rule.units.includes(finding.unit)) rule.units.push(finding.unit);
    },
    digest: () => ({
      total,
      rules: [...rules.values()],
      first: compare === undefined ? [...first] : [...first].sort(compare),
    }),
  };
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/** A unit's code with its name when a list has it. */
function unitText(code: string, context: RenderContext): string {
  const name = contextRegionName(context, code);
  return name === undefined ? htmlText(code) : `${htmlText(name)} <small>${htmlText(code)}</small>`;
}

/**
 * The findings section: a table per rule (count, share of the units it checked, the first units), then the first
 * findings in a collapsed list, and where the whole list is.
 *
 * @param digest - the findings
 * @param tallies - the validation summary's tallies by rule (for the share), when known
 * @param context - language and names
 * @param findingsFile - the companion CSV's file name, when one is written
 * @returns the section's HTML
 */
export function findingsSection(
  digest: FindingDigest,
  tallies: Readonly<Record<string, RuleTally>> | undefined,
  context: RenderContext,
  findingsFile: string | undefined,
): string {
  const zh = context.lang === 'zh';
  const heading = `<h2 id="findings-title">${zh ? '校验发现' : 'Findings'} (<span class="findings-total">${digest.total}</span>)</h2>`;
  if (digest.total === 0)
    return `${heading}<section id="findings" aria-labelledby="findings-title"><p>${zh ? '无' : 'none'}</p></section>`;
  const rules = [...digest.rules].sort(
    (a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || b.count - a.count,
  );
  const rows = rules
    .map((rule) => {
      const tally = tallies && ownValue<RuleTally>(tallies, rule.rule);
      const share =
        tally === undefined || tally.checked === 0
          ? '—'
          : `${((tally.failed / tally.checked) * 100).toFixed(1)}%`;
      const units = rule.units.map((unit) => unitText(unit, context)).join('、');
      const more = rule.count > rule.units.length ? (zh ? ' 等' : ', …') : '';
      return `<tr data-rule="${htmlText(rule.rule)}" data-count="${rule.count}"><th scope="row">${htmlText(context.ruleTitle(rule.rule))}<br><small>${htmlText(rule.rule)}</small></th><td class="severity s-${rule.severity}">${htmlText(SEVERITY_LABELS[rule.severity]?.[context.lang] ?? rule.severity)}</td><td class="num">${rule.count}</td><td class="num">${share}</td><td>${units}${more}</td></tr>`;
    })
    .join('\n');
  const header = zh
    ? ['规则', '级别', '发现数', '未通过单位占比', '最先发现的单位']
    : ['rule', 'severity', 'findings', 'share of units failing', 'first units'];
  const table = `<div class="table-wrap"><table id="findings-by-rule"><caption>${zh ? '按规则汇总' : 'By rule'}</caption><thead><tr>${header.map((h, i) => `<th scope="col"${i === 2 || i === 3 ? ' class="num"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
  const items = digest.first
    .map(
      (f) =>
        `<li class="${htmlText(f.severity)}" data-rule="${htmlText(f.rule)}"><b>${htmlText(f.unit)}</b> ${htmlText(context.ruleTitle(f.rule))}：${htmlText(f.message[context.lang])} <small>${zh ? '出处' : 'source'}: ${htmlText(f.source.document)} ${htmlText(f.source.section)}</small></li>`,
    )
    .join('\n');
  const shown = digest.first.length;
  const where = findingsFile === undefined ? '' : ` ${fileLink(findingsFile)}`;
  const note =
    shown < digest.total
      ? zh
        ? `列出前 ${shown} 条，共 ${digest.total} 条；全部见${where || '校验命令的 CSV 输出'}。`
        : `The first ${shown} of ${digest.total}; all of them are in${where || ' the CSV output of shequ validate'}.`
      : findingsFile === undefined
        ? ''
        : zh
          ? `全部发现也见${where}。`
          : `All findings are also in${where}.`;
  return `${heading}<section id="findings" aria-labelledby="findings-title">${table}<details><summary>${zh ? `发现明细（${shown} 条）` : `Findings one by one (${shown})`}</summary><ol>\n${items}\n</ol></details>${note === '' ? '' : `<p class="note">${note}</p>`}</section>`;
}
