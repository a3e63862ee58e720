import { guardedValue, throwingGuard } from '../core/guard.js';
import {
  createIssue,
  type Issue,
  type LocalizedText,
  type PathSegment,
  type Severity,
} from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import { ShequError } from '../core/result.js';
import { isText } from '../core/shape.js';
import { notAProfileObjectIssue, type ProfileObjects } from '../indicators/profile-issue.js';
import { PUT_IN_ADD, shownId } from '../indicators/profile-references.js';
import { BEIJING_RULES, HEBEI_RULES, LAW_AND_CODE_RULES, NATIONAL_PLAN_RULES } from './catalogue.js';
import { isRuleProfile } from './profile-check.js';
import { perRuleIssues, unknownRuleIds } from './profile-file-checks.js';
import { type CheckedRuleChanges, checkRuleChanges } from './rule-changes.js';
import type { AnyRule, Rule, RuleProfile } from './types.js';

/**
 * Names of the built-in rule profiles.
 *
 * @example
 * ```ts
 * import type { RuleProfileName } from 'shequ';
 * const name: RuleProfileName = 'beijing';
 * ```
 */
export type RuleProfileName = 'national' | 'hebei' | 'beijing';

/**
 * A province's profile: the national rules, each replaced in place by the province's own version where the
 * province's plan restates it (same id), then the province's other rules, then law and code rules.
 */
function provincial(own: readonly AnyRule[]): AnyRule[] {
  const ownById = new Map(own.map((rule) => [rule.id, rule]));
  const national = NATIONAL_PLAN_RULES.map((rule) => ownById.get(rule.id) ?? rule);
  const nationalIds = new Set(NATIONAL_PLAN_RULES.map((rule) => rule.id));
  return [...national, ...own.filter((rule) => !nationalIds.has(rule.id)), ...LAW_AND_CODE_RULES];
}

/**
 * The built-in rule profiles (rules.md): `national` = the national plan's rules + law and code rules; `hebei` and
 * `beijing` add their plan's rules, and use their own version of a national rule their plan restates (Hebei's
 * area rules, for urban communities). Every finding cites the document of the jurisdiction whose rule it applies.
 *
 * @example
 * ```ts
 * import { RULE_PROFILES } from 'shequ';
 * RULE_PROFILES.hebei.rules.some((rule) => rule.id === 'workers.disasterOfficer');
 * //=> true
 * ```
 */
export const RULE_PROFILES: Readonly<Record<RuleProfileName, RuleProfile>> = {
  national: {
    id: 'national',
    name: { zh: '全国', en: 'national' },
    rules: [...NATIONAL_PLAN_RULES, ...LAW_AND_CODE_RULES],
  },
  hebei: {
    id: 'hebei',
    name: { zh: '河北省', en: 'Hebei' },
    rules: provincial(HEBEI_RULES),
  },
  beijing: {
    id: 'beijing',
    name: { zh: '北京市', en: 'Beijing' },
    rules: provincial(BEIJING_RULES),
  },
};

/** Every built-in rule by id, the national version first where a province restates one. */
export function builtInRules(): Map<string, AnyRule> {
  const rules = new Map<string, AnyRule>();
  for (const profile of [RULE_PROFILES.national, RULE_PROFILES.hebei, RULE_PROFILES.beijing])
    for (const rule of profile.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  return rules;
}

/**
 * Changes to a rule profile: rules to disable or add, severities and parameters to replace.
 *
 * @example
 * ```ts
 * import type { RuleProfileChanges } from 'shequ';
 * const changes: RuleProfileChanges = {
 *   id: 'strict-district',
 *   severity: { 'facility.activityAreaShare': 'error' },
 *   parameters: { 'facility.areaPer100Households': { minimum: 35 } },
 *   disable: ['service.convenienceOutlets'],
 * };
 * ```
 */
export interface RuleProfileChanges {
  /** Identifier of the new profile. */
  readonly id: string;
  /** Name (default: the base's). */
  readonly name?: LocalizedText;
  /** Ids of rules to leave out (every version). */
  readonly disable?: readonly string[];
  /** Rules to add (your province's own). */
  readonly add?: readonly AnyRule[];
  /** New severity by rule id. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Parameters to replace by rule id (merged into the rule's own). */
  readonly parameters?: Readonly<
    Record<string, Readonly<Record<string, number | string | boolean | readonly string[]>>>
  >;
}

/** The rule profiles' {@link ProfileObjects}, for the issue of a base (or a profile to describe) that is none. */
export const RULE_PROFILE_OBJECTS: ProfileObjects = {
  kind: { zh: '规则方案', en: 'a rule profile' },
  holder: 'RULE_PROFILES',
  names: () => Object.keys(RULE_PROFILES),
  derive: 'deriveRuleProfile',
};

/**
 * Derives a rule profile without touching library code: disable or add rules, change a severity or a parameter.
 * The base is not changed.
 *
 * @param base - the profile to start from (e.g. `RULE_PROFILES.hebei`)
 * @param changes - what to change
 * @returns the new profile
 * @throws {@link shequ!ShequError} for a `base` that is no rule profile object (`RULE_PROFILES.hebei`, not `'hebei'`),
 *   `changes` of the wrong shape (an `id` that is no text, a list that is none, a rule without its parts, an unknown
 *   severity: each an issue at its path in `changes`), or a parameter its rule does not have or take (a value of
 *   another type, outside the rule's values or its range — `termYears` is 1 to 10 —, a date that is no calendar
 *   date), as a profile file's are checked
 *
 * @example
 * ```ts
 * import { deriveRuleProfile, RULE_PROFILES } from 'shequ';
 * const strict = deriveRuleProfile(RULE_PROFILES.hebei, {
 *   id: 'strict',
 *   parameters: { 'facility.areaPer100Households': { minimum: 35 } },
 * });
 * strict.rules.find((rule) => rule.id === 'facility.areaPer100Households')?.parameters;
 * //=> { minimum: 35 }
 * ```
 */
export function deriveRuleProfile(base: RuleProfile, changes: RuleProfileChanges): RuleProfile {
  return throwingGuard(() => {
    if (!isRuleProfile(base))
      throw new ShequError([notAProfileObjectIssue(base, ['base'], RULE_PROFILE_OBJECTS)]);
    const { issues, checked } = checkRuleChanges(changes);
    if (issues.length > 0) throw new ShequError(issues);
    return derivedRules(base, checked);
  });
}

/**
 * The profile `base` with the checked changes applied; a ShequError for a change that names no rule of the profile
 * (by the checks of a profile file's: {@link perRuleIssues}) or a parameter its rule does not take.
 */
function derivedRules(base: RuleProfile, changes: CheckedRuleChanges): RuleProfile {
  const disabled = new Set(changes.disable);
  const rules = [...base.rules, ...changes.add].filter((rule) => !disabled.has(rule.id));
  // The versions of one rule (one id) share its parameters: those given are checked once, against the first.
  const kept = new Map<string, AnyRule>();
  for (const rule of rules) if (!kept.has(rule.id)) kept.set(rule.id, rule);
  const known = new Set([
    ...builtInRules().keys(),
    ...[...base.rules, ...changes.add].map((rule) => rule.id),
  ]);
  const issues = [
    ...unknownRuleIds(changes.disable, ['disable'], known),
    ...perRuleIssues(changes, { known, kept, at: [], bringIn: PUT_IN_ADD }),
  ];
  if (issues.length > 0) throw new ShequError(issues);
  return {
    id: changes.id,
    name: changes.name ?? base.name,
    rules: rules.map((rule) => changedRule(rule, changes.severity[rule.id], changes.parameters[rule.id])),
  };
}

/** A rule with its severity and parameters changed (the rule itself when neither is), and the title they make. */
function changedRule(
  rule: AnyRule,
  severity: Severity | undefined,
  parameters: AnyRule['parameters'] | undefined,
): AnyRule {
  if (severity === undefined && parameters === undefined) return rule;
  const merged = parameters === undefined ? undefined : { ...rule.parameters, ...parameters };
  return {
    ...rule,
    ...(severity === undefined ? {} : { severity }),
    ...(merged === undefined ? {} : { parameters: merged, title: titleFor(rule, merged) }),
  } as AnyRule;
}

/**
 * The title of a rule for new parameters: the one its `titleOf` makes of them (the rule's own without one); a
 * ShequError when that is no text in Chinese and English (a caller's own rule).
 */
function titleFor(rule: AnyRule, parameters: Rule['parameters']): LocalizedText {
  const titleOf = ownValue<Rule['titleOf']>(rule, 'titleOf');
  if (titleOf === undefined) return rule.title;
  const title = titleOf(parameters);
  if (isText(title)) return title;
  throw new ShequError([
    createIssue(
      'invalid_value',
      {
        zh: `规则 ${shownId(rule.id)} 的 titleOf 未给出中英文标题 { zh, en }`,
        en: `titleOf of rule ${shownId(rule.id)} gives no title { zh, en }`,
      },
      { path: ['parameters', rule.id] },
    ),
  ]);
}

/**
 * Resolves a rule profile name or object; an unknown name, or an object without the shape of a rule profile (a rule
 * without `check`, `appliesTo` or `effective` …), gives `undefined`. Never throws.
 *
 * @param profile - a built-in name or a profile (default `'national'`)
 * @returns the profile
 *
 * @example
 * ```ts
 * import { resolveRuleProfile } from 'shequ';
 * resolveRuleProfile('hebei')?.id;
 * //=> 'hebei'
 * ```
 */
export function resolveRuleProfile(
  profile: RuleProfileName | RuleProfile | string = 'national',
): RuleProfile | undefined {
  if (typeof profile !== 'string')
    return guardedValue(
      () => (isRuleProfile(profile) ? profile : undefined),
      () => undefined,
    );
  return Object.hasOwn(RULE_PROFILES, profile) ? RULE_PROFILES[profile as RuleProfileName] : undefined;
}

/**
 * The `invalid_value` issue of a rule profile that is neither a built-in name nor a rule profile object, on `path`: a
 * name echoed cut short (it is the caller's text), anything else as `object`.
 *
 * @example
 * ```ts
 * unknownRuleProfileIssue('tianjin', ['profile']).message.en;
 * //=> 'Unknown rule profile: tianjin'
 * ```
 */
export function unknownRuleProfileIssue(profile: unknown, path: readonly PathSegment[]): Issue {
  const shown = typeof profile === 'string' ? profile.slice(0, 40) : 'object';
  return createIssue(
    'invalid_value',
    { zh: `未知的规则方案：${shown}`, en: `Unknown rule profile: ${shown}` },
    { path },
  );
}
