import { isIsoCalendarDate } from '../core/as-of.js';
import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { isIndicatorId } from '../indicators/catalogue.js';
import { planPeriodById } from '../indicators/periods.js';
import type { ProfileFile } from './profile-file-schema.js';
import type { AnyRule } from './types.js';

// The checks of a profile file a JSON Schema cannot express: references to the catalogue, ids listed twice, years
// inside their period, keys that could change a prototype. Each gives an issue on the JSON path of the offending
// value; every echoed id is cut to 40 characters (it is the caller's text).

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any profile file (its deepest value sits at depth 5): a deeper one is refused, not walked. */
const MAX_DEPTH = 16;

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

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

export function unknownIndicator(id: string, path: readonly PathSegment[]): Issue {
  return createIssue(
    'unknown_indicator',
    {
      zh: `未知指标：${shown(id)}（配置文件只能引用内置指标）`,
      en: `Unknown indicator: ${shown(id)} (a profile file refers to built-in indicators only)`,
    },
    { path },
  );
}

/** Unknown and repeated ids of one list. */
export function idListIssues(ids: readonly string[], path: readonly PathSegment[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!isIndicatorId(id)) issues.push(unknownIndicator(id, [...path, index]));
    else if (seen.has(id))
      issues.push(
        createIssue(
          'duplicate_id',
          { zh: `指标重复：${id}`, en: `Indicator listed twice: ${id}` },
          { path: [...path, index] },
        ),
      );
    seen.add(id);
  });
  return issues;
}

/** A reference in `periods` to an indicator: known, and one of the profile's. */
function indicatorReference(id: string, listed: ReadonlySet<string>, path: PathSegment[]): Issue[] {
  if (!isIndicatorId(id)) return [unknownIndicator(id, path)];
  if (listed.has(id)) return [];
  return [
    createIssue(
      'invalid_value',
      {
        zh: `指标 ${id} 不在本方案的指标中（先在 indicators 或 addIndicators 中列出）`,
        en: `Indicator ${id} is not one of the profile's (list it in indicators or addIndicators first)`,
      },
      { path },
    ),
  ];
}

function yearIssue(path: PathSegment[], zh: string, en: string): Issue {
  return createIssue('invalid_value', { zh, en }, { path });
}

/** The `periods` of a file: known period ids, known indicators of the profile, years inside the period. */
export function periodIssues(file: ProfileFile, listed: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  for (const [periodId, figures] of Object.entries(file.periods ?? {})) {
    const period = planPeriodById(periodId);
    if (period === undefined) {
      issues.push(
        createIssue(
          'invalid_value',
          {
            zh: `未知的规划期：${shown(periodId)}（应为 14th 或 15th）`,
            en: `Unknown plan period: ${shown(periodId)} (expected 14th or 15th)`,
          },
          { path: ['periods', periodId] },
        ),
      );
      continue;
    }
    for (const [id, baseline] of Object.entries(figures.baselines ?? {})) {
      const path = ['periods', periodId, 'baselines', id];
      for (const issue of indicatorReference(id, listed, path)) issues.push(issue);
      if (baseline?.year !== undefined && baseline.year > period.baselineYear)
        issues.push(
          yearIssue(
            [...path, 'year'],
            `基期年份 ${baseline.year} 晚于${period.name.zh}的基期 ${period.baselineYear} 年`,
            `Baseline year ${baseline.year} is after the period's baseline year ${period.baselineYear}`,
          ),
        );
    }
    for (const [id, target] of Object.entries(figures.targets ?? {})) {
      const path = ['periods', periodId, 'targets', id];
      for (const issue of indicatorReference(id, listed, path)) issues.push(issue);
      if (target?.year !== undefined && (target.year < period.firstYear || target.year > period.lastYear))
        issues.push(
          yearIssue(
            [...path, 'year'],
            `目标年份 ${target.year} 不在${period.name.zh}（${period.firstYear}–${period.lastYear} 年）内`,
            `Target year ${target.year} is outside the period ${period.firstYear}–${period.lastYear}`,
          ),
        );
    }
  }
  return issues;
}

/** Facts: unique ids, known indicators. */
export function factIssues(file: ProfileFile): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  (file.facts ?? []).forEach((fact, index) => {
    if (seen.has(fact.id))
      issues.push(
        createIssue(
          'duplicate_id',
          { zh: `事实标识重复：${shown(fact.id)}`, en: `Fact id listed twice: ${shown(fact.id)}` },
          { path: ['facts', index, 'id'] },
        ),
      );
    seen.add(fact.id);
    if (fact.indicator !== undefined && !isIndicatorId(fact.indicator))
      issues.push(unknownIndicator(fact.indicator, ['facts', index, 'indicator']));
  });
  return issues;
}

function unknownRule(id: string, path: readonly PathSegment[], notInCatalogue: boolean): Issue {
  return createIssue(
    'unknown_rule',
    notInCatalogue
      ? { zh: `未知规则：${shown(id)}`, en: `Unknown rule: ${shown(id)}` }
      : {
          zh: `规则 ${shown(id)} 不在本方案中（先用 rules.enable 启用）`,
          en: `Rule ${shown(id)} is not in the profile (switch it on with rules.enable first)`,
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
  return issues;
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

/** The `rules` of a file against the catalogue (`known`) and the resulting profile's rules (`kept`). */
export function ruleIssues(
  file: ProfileFile,
  known: ReadonlyMap<string, AnyRule>,
  kept: ReadonlyMap<string, AnyRule>,
): Issue[] {
  const rules = file.rules ?? {};
  const issues: Issue[] = [];
  const listIssues = (ids: readonly string[] | undefined, name: string) =>
    (ids ?? []).forEach((id, index) => {
      if (!known.has(id)) issues.push(unknownRule(id, ['rules', name, index], true));
    });
  listIssues(rules.disable, 'disable');
  listIssues(rules.enable, 'enable');
  for (const id of Object.keys(rules.severity ?? {}))
    if (!kept.has(id)) issues.push(unknownRule(id, ['rules', 'severity', id], !known.has(id)));
  for (const [id, given] of Object.entries(rules.parameters ?? {})) {
    const rule = kept.get(id);
    if (rule === undefined) issues.push(unknownRule(id, ['rules', 'parameters', id], !known.has(id)));
    else
      for (const issue of ruleParameterIssues(rule, given, ['rules', 'parameters', id])) issues.push(issue);
  }
  return issues;
}
