import { throwingGuard } from '../core/guard.js';
import type { LocalizedText, PathSegment } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import { checkedItems, EXPECTED, isRecord, isStringList, isText, shapeIssue } from '../core/shape.js';
import { notAProfileObjectIssue } from '../indicators/profile-issue.js';
import { isRuleProfile } from './profile-check.js';
import { RULE_PROFILE_OBJECTS, RULE_PROFILES } from './profiles.js';
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
 * @param profiles - the profiles to describe (default: the built-in ones): an array or another iterable
 * @returns Markdown text
 * @throws {@link shequ!ShequError} for `profiles` that are no list, an item that is no rule profile object (a name
 *   such as `'hebei'`: `RULE_PROFILES.hebei` is the profile), or a rule without a text the page shows (its title, its
 *   source, a parameter that is no number, text, boolean or list of text): each an issue at its path in `profiles`
 *
 * @example
 * ```ts
 * import { describeRules } from 'shequ';
 * describeRules().includes('law.residentsCommitteeHouseholds');
 * //=> true
 * ```
 */
export function describeRules(profiles: readonly RuleProfile[] = Object.values(RULE_PROFILES)): string {
  return throwingGuard(() => pageOf(describableProfiles(profiles)));
}

/** The Markdown page of rule profiles checked to hold every text it shows. */
function pageOf(profiles: readonly RuleProfile[]): string {
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

/** The profiles given, each checked to be a rule profile with every text the page shows; a ShequError for any not. */
function describableProfiles(profiles: unknown): RuleProfile[] {
  return checkedItems<RuleProfile>(
    profiles,
    'profiles',
    { zh: '规则方案的数组', en: 'an array of rule profiles' },
    (profile, path) => {
      if (!isRuleProfile(profile)) return notAProfileObjectIssue(profile, path, RULE_PROFILE_OBJECTS);
      for (const [at, rule] of profile.rules.entries()) {
        const missing = missingText(rule);
        if (missing !== undefined)
          return shapeIssue('invalid_value', [...path, 'rules', at, ...missing[0]], missing[1]);
      }
      return undefined;
    },
  );
}

const PARAMETER: LocalizedText = {
  zh: '数、文本、布尔值或文本的数组',
  en: 'a number, text, boolean or array of text',
};
const isParameter = (value: unknown) =>
  ['number', 'string', 'boolean'].includes(typeof value) || isStringList(value);

/** The first part of a rule (checked to run) that the page cannot show, with what it should be. */
function missingText(rule: AnyRule): [PathSegment[], LocalizedText] | undefined {
  if (!isText(rule.title)) return [['title'], EXPECTED.localized];
  const source = rule.source as unknown as Record<string, unknown>;
  for (const key of ['document', 'section', 'quote'])
    if (!isRecord(source) || typeof source[key] !== 'string') return [['source', key], EXPECTED.text];
  for (const [name, value] of Object.entries(rule.parameters))
    if (!isParameter(value)) return [['parameters', name], PARAMETER];
  return undefined;
}
