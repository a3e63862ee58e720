import { isIsoCalendarDate } from '../core/as-of.js';
import { createIssue, type Issue, type LocalizedText, type PathSegment } from '../core/issue.js';
import { shownId as shown } from '../indicators/profile-references.js';
import type { ProfileFile } from './profile-file-schema.js';
import type { AnyRule } from './types.js';

// The checks of a profile file a JSON Schema cannot express: references to the rule catalogue, keys that could change
// a prototype (the references to indicators, periods and facts: indicators/profile-references.ts). Each gives an issue
// on the JSON path of the offending value; every echoed id is cut to 40 characters (it is the caller's text). The
// references by rule id are checked the same way for deriveRuleProfile's changes.

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any profile file (its deepest value sits at depth 5): a deeper one is refused, not walked. */
const MAX_DEPTH = 16;

/**
 * Keys that could change an object's prototype (`__proto__`, `constructor`, `prototype`), anywhere in a parsed
 * value: each one an `unsafe_key` error. Walks without recursion; nesting past {@link MAX_DEPTH} is one error too.
 */
export function unsafeKeyIssues(value: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      issues.push(
        createIssue(
          'invalid_value',
          { zh: `嵌套超过 ${MAX_DEPTH} 层`, en: `Nested deeper than ${MAX_DEPTH} levels` },
          { path },
        ),
      );
      continue;
    }
    const keys = Array.isArray(current) ? current.keys() : Object.keys(current);
    for (const key of keys) {
      if (typeof key === 'string' && UNSAFE_KEYS.has(key)) {
        issues.push(
          createIssue(
            'unsafe_key',
            {
              zh: `不接受键名 ${key}（可能改变对象原型）`,
              en: `The key ${key} is refused (it could change an object's prototype)`,
            },
            { path: [...path, key] },
          ),
        );
        continue;
      }
      stack.push({ value: (current as Record<PropertyKey, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** How a rule of the catalogue is brought into a profile, as a message about a change to one not in it says. */
export const ENABLE_IT: LocalizedText = {
  zh: '先用 rules.enable 启用',
  en: 'switch it on with rules.enable first',
};

/** An id that names no rule of a profile: unknown (no `bringIn`), or known but not in the profile. */
function unknownRule(id: string, path: readonly PathSegment[], bringIn: LocalizedText | undefined): Issue {
  return createIssue(
    'unknown_rule',
    bringIn === undefined
      ? { zh: `未知规则：${shown(id)}`, en: `Unknown rule: ${shown(id)}` }
      : {
          zh: `规则 ${shown(id)} 不在本方案中（${bringIn.zh}）`,
          en: `Rule ${shown(id)} is not in the profile (${bringIn.en})`,
        },
    { path },
  );
}

/**
 * The parameters given for one rule: each one the rule has, of the same type, and a value it takes — one of its
 * values (`parameterValues`), a number inside its range (`parameterRanges`), a date for a date (a profile file's,
 * and `deriveRuleProfile`'s).
 *
 * @example
 * ```ts
 * const rule = RULE_PROFILES.beijing.rules.find((each) => each.id === 'org.subCommittees');
 * rule && ruleParameterIssues(rule, { required: ['foo'] }, ['parameters', rule.id])[0]?.code;
 * //=> 'invalid_value'
 * ```
 */
export function ruleParameterIssues(
  rule: AnyRule,
  given: Readonly<Record<string, unknown>>,
  path: PathSegment[],
): Issue[] {
  const own = rule.parameters as Readonly<Record<string, unknown>>;
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(given)) {
    const current = Object.hasOwn(own, name) ? own[name] : undefined;
    const sameType =
      current !== undefined &&
      (Array.isArray(current)
        ? Array.isArray(value)
        : typeof current === typeof value && !Array.isArray(value));
    const issue = sameType
      ? valueIssue(rule, name, current, value, path)
      : createIssue(
          'invalid_value',
          current === undefined
            ? {
                zh: `规则 ${rule.id} 没有参数 ${shown(name)}`,
                en: `Rule ${rule.id} has no parameter ${shown(name)}`,
              }
            : {
                zh: `规则 ${rule.id} 的参数 ${name} 类型应与原值相同`,
                en: `Parameter ${name} of rule ${rule.id} must have the type of its current value`,
              },
          { path: [...path, name] },
        );
    if (issue !== undefined) issues.push(issue);
  }
  if (issues.length === 0) {
    const crossed = crossedRangeIssue(rule.id, given, path);
    if (crossed !== undefined) issues.push(crossed);
  }
  return issues;
}

/**
 * The issue of a `min` given above the `max` given with it (law.residentsCommitteeHouseholds, the committees'
 * members): a range no unit could fall in, the rule failed by all.
 */
function crossedRangeIssue(
  id: string,
  given: Readonly<Record<string, unknown>>,
  path: PathSegment[],
): Issue | undefined {
  const { min, max } = given;
  if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return undefined;
  return createIssue(
    'invalid_value',
    {
      zh: `规则 ${shown(id)} 的参数 min（${min}）大于 max（${max}）：没有单位能通过`,
      en: `Parameter min (${min}) of rule ${shown(id)} is above its max (${max}): no unit could pass`,
    },
    { path },
  );
}

/**
 * The issue of a parameter's value of the right type that its rule does not take: a date that is no calendar date
 * (a parameter whose value is a date, such as a deadline, takes only dates), or a value outside the rule's values.
 */
function valueIssue(
  rule: AnyRule,
  name: string,
  current: unknown,
  value: unknown,
  path: PathSegment[],
): Issue | undefined {
  if (typeof current === 'string' && isIsoCalendarDate(current) && !isIsoCalendarDate(value as string))
    return createIssue(
      'invalid_date',
      {
        zh: `规则 ${rule.id} 的参数 ${name} 应为日期 YYYY-MM-DD（如 ${current}），不是 ${shown(String(value))}`,
        en: `Parameter ${name} of rule ${rule.id} must be a date YYYY-MM-DD (such as ${current}), not ${shown(String(value))}`,
      },
      { path: [...path, name] },
    );
  if (typeof value === 'number') return rangeIssue(rule, name, value, path);
  const wrong = outsideValues(rule, name, current, value);
  if (wrong === undefined) return undefined;
  return createIssue(
    'invalid_value',
    wrong.allowed.length === 0
      ? {
          zh: `规则 ${rule.id} 的参数 ${name} 的各项应为文本`,
          en: `The items of parameter ${name} of rule ${rule.id} must be text`,
        }
      : {
          zh: `规则 ${rule.id} 的参数 ${name} 不接受 ${shown(String(wrong.value))}（可选：${wrong.allowed.join('、')}）`,
          en: `Parameter ${name} of rule ${rule.id} does not take ${shown(String(wrong.value))} (one of: ${wrong.allowed.join(', ')})`,
        },
    { path: [...path, name, ...wrong.at] },
  );
}

/**
 * The issue of a number outside its parameter's range ({@link Rule.parameterRanges}): below `min`, above `max`, a
 * fraction where the range is `integer`; a parameter without a range takes any finite number.
 */
function rangeIssue(rule: AnyRule, name: string, value: number, path: PathSegment[]): Issue | undefined {
  const ranges = rule.parameterRanges;
  const range = ranges !== undefined && Object.hasOwn(ranges, name) ? ranges[name] : undefined;
  if (
    Number.isFinite(value) &&
    (range === undefined ||
      (value >= range.min && value <= range.max && (range.integer !== true || Number.isInteger(value))))
  )
    return undefined;
  const [zh, en] =
    range === undefined
      ? ['有限的数', 'a finite number']
      : [
          `${range.min} 至 ${range.max} 的${range.integer === true ? '整数' : '数'}`,
          `${range.integer === true ? 'an integer' : 'a number'} from ${range.min} to ${range.max}`,
        ];
  return createIssue(
    'invalid_value',
    {
      zh: `规则 ${rule.id} 的参数 ${name} 应为 ${zh}，不是 ${value}`,
      en: `Parameter ${name} of rule ${rule.id} must be ${en}, not ${value}`,
    },
    { path: [...path, name] },
  );
}

/**
 * The first value of a parameter given that its rule does not take: an item of a list that is not text like the list's
 * own items, or a value outside the rule's {@link Rule.parameterValues}; `undefined` when every value is taken.
 */
function outsideValues(
  rule: AnyRule,
  name: string,
  current: unknown,
  value: unknown,
): { value: unknown; at: PathSegment[]; allowed: readonly string[] } | undefined {
  const values = rule.parameterValues;
  const allowed = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  const texts = Array.isArray(current) && current.every((item) => typeof item === 'string');
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const taken =
      allowed === undefined ? !texts || typeof item === 'string' : allowed.includes(item as string);
    if (!taken) return { value: item, at: Array.isArray(value) ? [i] : [], allowed: allowed ?? [] };
  }
  return undefined;
}

/** Ids of a list (rules to leave out, or to switch on) that name no rule (`known`): each an `unknown_rule` issue. */
export function unknownRuleIds(
  ids: readonly string[],
  path: readonly PathSegment[],
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): Issue[] {
  const issues: Issue[] = [];
  ids.forEach((id, index) => {
    if (!known.has(id)) issues.push(unknownRule(id, [...path, index], undefined));
  });
  return issues;
}

/**
 * The changes a profile makes by rule id — a severity, parameters — against the rules it knows (`known`) and those the
 * profile keeps (`kept`, one version of each id): an `unknown_rule` issue at each id the profile does not have (saying
 * how to bring in a rule of the catalogue: `bringIn`), and the issues of each rule's parameters; paths under `at`.
 * A profile file's (`at` = `['rules']`) and `deriveRuleProfile`'s (`at` = `[]`).
 *
 * @example
 * ```ts
 * const kept = new Map(RULE_PROFILES.national.rules.map((rule) => [rule.id, rule]));
 * perRuleIssues({ severity: { nope: 'error' }, parameters: {} }, { known: kept, kept, at: [], bringIn: ENABLE_IT })
 *   .map((issue) => [issue.code, issue.path]);
 * //=> [['unknown_rule', ['severity', 'nope']]]
 * ```
 */
export function perRuleIssues(
  changes: {
    readonly severity: Readonly<Record<string, unknown>>;
    readonly parameters: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  },
  against: {
    readonly known: ReadonlySet<string> | ReadonlyMap<string, unknown>;
    readonly kept: ReadonlyMap<string, AnyRule>;
    readonly at: readonly PathSegment[];
    readonly bringIn: LocalizedText;
  },
): Issue[] {
  const { known, kept, at, bringIn } = against;
  const notKept = (id: string, path: readonly PathSegment[]) =>
    unknownRule(id, path, known.has(id) ? bringIn : undefined);
  const issues: Issue[] = [];
  for (const id of Object.keys(changes.severity))
    if (!kept.has(id)) issues.push(notKept(id, [...at, 'severity', id]));
  for (const [id, given] of Object.entries(changes.parameters)) {
    const rule = kept.get(id);
    const path = [...at, 'parameters', id];
    if (rule === undefined) issues.push(notKept(id, path));
    else for (const issue of ruleParameterIssues(rule, given, path)) issues.push(issue);
  }
  return issues;
}

/** The `rules` of a file against the catalogue (`known`) and the resulting profile's rules (`kept`). */
export function ruleIssues(
  file: ProfileFile,
  known: ReadonlyMap<string, AnyRule>,
  kept: ReadonlyMap<string, AnyRule>,
): Issue[] {
  const rules = file.rules ?? {};
  return [
    ...unknownRuleIds(rules.disable ?? [], ['rules', 'disable'], known),
    ...unknownRuleIds(rules.enable ?? [], ['rules', 'enable'], known),
    ...perRuleIssues(
      { severity: rules.severity ?? {}, parameters: rules.parameters ?? {} },
      { known, kept, at: ['rules'], bringIn: ENABLE_IT },
    ),
  ];
}
