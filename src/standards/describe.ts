import { ownValue } from '../core/own-value.js';
import { RULE_PROFILES } from './profiles.js';
import type { AnyRule, RuleProfile } from './types.js';

// Optional keys are read as the rule's own (core/own-value.ts): a key given to Object.prototype is not the rule's.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const period = (rule: AnyRule) => {
  const from = ownValue<string>(rule.effective, 'from');
  const to = ownValue<string>(rule.effective, 'to');
  return from === undefined && to === undefined ? 'always' : `${from ?? '…'} – ${to ?? '…'}`;
};
const parameters = (rule: AnyRule) =>
  Object.entries(rule.parameters)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join('/') : String(value)}`)
    .join('; ') || '—';

/**
 * Renders the rule catalogue as Markdown: every rule once (each version with its period in force), with its
 * severity, parameters, source and quoted requirement, and which profiles use it. `docs/rules.md` is generated with
 * it, so the page never disagrees with the code.
 *
 * @param profiles - the profiles to describe (default: the built-in ones)
 * @returns Markdown text
 *
 * @example
 * ```ts
 * import { describeRules } from 'shequ';
 * describeRules().includes('law.residentsCommitteeHouseholds');
 * //=> true
 * ```
 */
export function describeRules(profiles: readonly RuleProfile[] = Object.values(RULE_PROFILES)): string {
  const seen = new Map<AnyRule, string[]>();
  for (const profile of profiles) {
    for (const rule of profile.rules) seen.set(rule, [...(seen.get(rule) ?? []), profile.id]);
  }
  const lines = [
    '---',
    'title: Rules 规则',
    '---',
    '',
    '# Rules · 校验规则',
    '',
    'Generated from the rule catalogue (`describeRules()`); do not edit by hand. 本页由规则目录自动生成。',
    '',
    'Severity: **error** — the text says 不低于/不少于/必须/全覆盖; **warning** — 一般, 鼓励, or an unverified figure;',
    '**info** — a fact worth reporting. A rule whose data are missing for a unit is reported as not checked, never as passed.',
    '',
    '| id | rule | applies to | severity | parameters | in force | profiles |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [rule, used] of seen) {
    const applies = ownValue<readonly string[]>(rule.appliesTo, 'kinds')?.join(', ') ?? 'all units';
    const level = ownValue(rule, 'level') === 'region' ? ` (regions by ${rule.parameters.level})` : '';
    const flag = ownValue(rule, 'confidence') === 'unverified' ? ' (unverified)' : '';
    lines.push(
      `| \`${rule.id}\` | ${cell(rule.title.zh)}<br>${cell(rule.title.en)} | ${applies}${level} | ${rule.severity}${flag} | ${cell(parameters(rule))} | ${period(rule)} | ${used.join(', ')} |`,
    );
  }
  lines.push('', '## Sources · 出处', '');
  for (const rule of seen.keys()) {
    lines.push(
      `- \`${rule.id}\` (${period(rule)}) — ${cell(rule.source.document)}, ${cell(rule.source.section)}: "${cell(rule.source.quote)}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}
