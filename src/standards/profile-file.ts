import { guarded, invalidOption, optionsObject } from '../core/guard.js';
import { createIssue, type Issue, type LocalizedText } from '../core/issue.js';
import { failure, type Result, success, unwrap } from '../core/result.js';
import { issuesFromZod } from '../core/zod-issues.js';
import { INDICATORS, isIndicatorId } from '../indicators/catalogue.js';
import { PLAN_PERIODS, planPeriodById } from '../indicators/periods.js';
import type { ProfilePeriodChanges } from '../indicators/profile-derive.js';
import { unknownProfileIssue } from '../indicators/profile-issue.js';
import { figuresOfPeriod } from '../indicators/profile-periods.js';
import {
  alreadyListedIssues,
  factIssues,
  type IndicatorReferences,
  idListIssues,
  periodIssues,
  unknownIdIssues,
} from '../indicators/profile-references.js';
import {
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  type IndicatorProfileName,
  resolveIndicatorProfile,
} from '../indicators/profiles.js';
import type { Baseline, IndicatorProfile, ProfileIndicator, Target } from '../indicators/types.js';
import { jsonFaultOffset } from './json-fault.js';
import { ruleIssues, unsafeKeyIssues } from './profile-file-checks.js';
import {
  type ProfileFile,
  type ProfileFileBaseline,
  type ProfileFilePeriod,
  type ProfileFileTarget,
  profileFileSchema,
} from './profile-file-schema.js';
import { builtInRules, deriveRuleProfile, RULE_PROFILES, type RuleProfileName } from './profiles.js';
import type { AnyRule, RuleProfile } from './types.js';

/**
 * A profile loaded from a file: its indicator profile (with figures by plan period) and its rule profile.
 *
 * @example
 * ```ts
 * import { loadProfile, type LoadedProfile } from 'shequ';
 * const result = loadProfile({ id: 'hebei-2026', extends: 'hebei' });
 * if (result.success) {
 *   const profile: LoadedProfile = result.data;
 *   [profile.indicators.indicators.length, profile.rules.id];
 *   //=> [18, 'hebei-2026']
 * }
 * ```
 */
export interface LoadedProfile {
  /** Identifier. */
  readonly id: string;
  /** Name. */
  readonly name: LocalizedText;
  /** The indicators with their baselines and targets by period: pass it as `profile` to the indicator functions. */
  readonly indicators: IndicatorProfile;
  /** The rules: pass it as `profile` to `validate`. */
  readonly rules: RuleProfile;
}

/** A profile file is a few kilobytes; a text far larger is refused before it is parsed. */
const MAX_TEXT = 4 * 1024 * 1024;

/** Line and column (1-based) of a character offset: a CRLF, a lone CR or a LF ends a line, as editors count them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
  return { line: breaks + 1, column: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) };
}

/** Parses JSON text; a syntax error is an `invalid_json` issue with its line (and column), never the text itself. */
function parseJsonText(text: string): Result<unknown> {
  if (text.length > MAX_TEXT)
    return failure([
      createIssue('limit_exceeded', { zh: '配置文件超过 4 MiB', en: 'The profile file is over 4 MiB' }),
    ]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return success(JSON.parse(body) as unknown);
  } catch (error) {
    // The engine's message gives a position for some faults only: the fault is found by reading the text.
    const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
    const offset = jsonFaultOffset(body) ?? (position === undefined ? undefined : Number(position));
    if (offset === undefined)
      return failure([createIssue('invalid_json', { zh: '不是有效的 JSON', en: 'Not valid JSON' })]);
    const { line, column } = lineAndColumn(body, offset);
    return failure([
      createIssue(
        'invalid_json',
        {
          zh: `不是有效的 JSON：第 ${line} 行第 ${column} 列`,
          en: `Not valid JSON: line ${line}, column ${column}`,
        },
        { line },
      ),
    ]);
  }
}

/** The indicator ids of the loaded profile: the list (or the base's), plus the added, less the removed. */
function indicatorIds(file: ProfileFile, base: IndicatorProfile | undefined): string[] {
  const start = file.indicators ?? base?.indicators.map((entry) => entry.indicator.id) ?? [];
  const removed = new Set(file.removeIndicators ?? []);
  const ids = [...start, ...(file.addIndicators ?? [])].filter((id) => !removed.has(id) && isIndicatorId(id));
  return [...new Set(ids)];
}

/** What a file's references are checked against: the built-in indicators; those listed, the profile's. */
function fileReferences(listed: ReadonlySet<string>): IndicatorReferences {
  return {
    known: isIndicatorId,
    listed,
    unknownHint: { zh: '配置文件只能引用内置指标', en: 'a profile file refers to built-in indicators only' },
    listHint: {
      zh: '先在 indicators 或 addIndicators 中列出',
      en: 'list it in indicators or addIndicators first',
    },
  };
}

function listIssues(file: ProfileFile, base: IndicatorProfile | undefined): Issue[] {
  const issues: Issue[] = [];
  if (file.indicators === undefined && base === undefined)
    issues.push(
      createIssue(
        'invalid_value',
        {
          zh: '没有 extends 的配置应在 indicators 中列出指标',
          en: 'A profile without extends must list its indicators',
        },
        { path: ['indicators'] },
      ),
    );
  const start = new Set(file.indicators ?? base?.indicators.map((entry) => entry.indicator.id) ?? []);
  const references = fileReferences(start);
  const added = file.addIndicators ?? [];
  return [
    ...issues,
    ...idListIssues(file.indicators ?? [], ['indicators'], references),
    ...idListIssues(added, ['addIndicators'], references),
    ...alreadyListedIssues(added, start, ['addIndicators']),
    ...unknownIdIssues(file.removeIndicators ?? [], ['removeIndicators'], references),
  ];
}

function baselineOf(point: ProfileFileBaseline, year: number): Baseline {
  return {
    year: point.year ?? year,
    value: point.value,
    confidence: point.confidence,
    source: point.source,
    ...(point.comparator === undefined ? {} : { comparator: point.comparator }),
    ...(point.quote === undefined ? {} : { quote: point.quote }),
  };
}

function targetOf(point: ProfileFileTarget, year: number): Target {
  return {
    comparator: point.comparator,
    value: point.value,
    year: point.year ?? year,
    confidence: point.confidence,
    source: point.source,
    ...(point.quote === undefined ? {} : { quote: point.quote }),
  };
}

/** The file's periods as changes, with the years the file leaves out filled in from the period. */
function periodChanges(file: ProfileFile): Record<string, ProfilePeriodChanges> {
  const changes = Object.create(null) as Record<string, ProfilePeriodChanges>;
  for (const [id, figures] of Object.entries(file.periods ?? {})) {
    const period = planPeriodById(id);
    if (period === undefined) continue;
    const baselines = Object.create(null) as Record<string, Baseline | null>;
    const targets = Object.create(null) as Record<string, Target | null>;
    for (const [indicator, point] of Object.entries(figures.baselines ?? {}))
      baselines[indicator] = point === null ? null : baselineOf(point, period.baselineYear);
    for (const [indicator, point] of Object.entries(figures.targets ?? {}))
      targets[indicator] = point === null ? null : targetOf(point, period.targetYear);
    changes[id] = { baselines, targets };
  }
  return changes;
}

function rulesOf(file: ProfileFile, name: LocalizedText): { issues: Issue[]; rules: RuleProfile } {
  const base = RULE_PROFILES[file.rules?.extends ?? file.extends ?? 'national'];
  const known = builtInRules();
  const inBase = new Set(base.rules.map((rule) => rule.id));
  const enabled = (file.rules?.enable ?? [])
    .filter((id) => known.has(id) && !inBase.has(id))
    .map((id) => known.get(id) as AnyRule);
  const disabled = new Set(file.rules?.disable ?? []);
  const kept = new Map<string, AnyRule>();
  for (const rule of [...base.rules, ...enabled]) if (!disabled.has(rule.id)) kept.set(rule.id, rule);
  const issues = ruleIssues(file, known, kept);
  // A file with issues is reported as the file's (with its JSON paths): deriveRuleProfile would throw them as its own.
  if (issues.length > 0) return { issues, rules: base };
  const rules = deriveRuleProfile(base, {
    id: file.id,
    name,
    add: enabled,
    disable: [...disabled],
    ...(file.rules?.severity === undefined ? {} : { severity: file.rules.severity }),
    ...(file.rules?.parameters === undefined ? {} : { parameters: file.rules.parameters }),
  });
  return { issues, rules };
}

/** Builds the profile of a file whose structure is valid; issues for every reference that is not. */
function build(file: ProfileFile): Result<LoadedProfile> {
  const base = file.extends === undefined ? undefined : INDICATOR_PROFILES[file.extends];
  const ids = indicatorIds(file, base);
  const name = file.name ?? base?.name ?? { zh: file.id, en: file.id };
  const { issues: ruleProblems, rules } = rulesOf(file, name);
  const issues = [
    ...listIssues(file, base),
    ...periodIssues(file.periods ?? {}, fileReferences(new Set(ids))),
    ...factIssues(file.facts ?? [], fileReferences(new Set(ids))),
    ...ruleProblems,
  ];
  if (issues.length > 0) return failure(issues);
  const entries = ids.map(
    (id): ProfileIndicator =>
      base?.indicators.find((entry) => entry.indicator.id === id) ?? {
        indicator: INDICATORS[id as keyof typeof INDICATORS],
      },
  );
  const start: IndicatorProfile = { ...(base ?? { id: file.id, name, periods: {} }), indicators: entries };
  const indicators = deriveIndicatorProfile(start, {
    id: file.id,
    name,
    periods: periodChanges(file),
    ...(file.facts === undefined ? {} : { facts: file.facts }),
  });
  return success({ id: file.id, name, indicators, rules });
}

/**
 * Loads a profile from JSON — text, or a value already parsed — and checks all of it: the structure (the JSON
 * Schema of `profileJsonSchema()`), then every reference: indicator ids in the catalogue (`unknown_indicator`), rule
 * ids (`unknown_rule`), ids listed twice (`duplicate_id`), plan periods known and a target's year inside its period,
 * and keys such as `__proto__` refused (`unsafe_key`). Each issue has the JSON path of the value (and for text that
 * is not JSON, its line and column). `extends` starts from a built-in profile: the file then says only what differs.
 * A profile file refers to built-in indicators by id; it defines no formula. Never throws.
 *
 * @param input - the file's text, or its parsed value
 * @returns the indicator and rule profiles, or the issues
 *
 * @example
 * ```ts
 * import { computeIndicators, loadProfile } from 'shequ';
 * const loaded = loadProfile(`{
 *   "id": "hebei-2026", "extends": "hebei",
 *   "periods": { "15th": { "targets": { "facilityAreaPer100Households":
 *     { "comparator": ">=", "value": 35, "confidence": "seed", "source": "省“十五五”规划" } } } }
 * }`);
 * loaded.success && loaded.data.indicators.periods?.['15th']?.targets?.facilityAreaPer100Households?.year;
 * //=> 2030
 * loadProfile('{ "id": "x", "extends": "hebei", "indicators": ["noSuchIndicator"] }');
 * //=> { success: false, error: { issues: [{ code: 'unknown_indicator', path: ['indicators', 0], … }] } }
 * ```
 */
export function loadProfile(input: unknown): Result<LoadedProfile> {
  return guarded(() => {
    const parsed = typeof input === 'string' ? parseJsonText(input) : success(input);
    if (!parsed.success) return parsed;
    const unsafe = unsafeKeyIssues(parsed.data);
    if (unsafe.length > 0) return failure(unsafe);
    const shape = profileFileSchema.safeParse(parsed.data);
    if (!shape.success) return failure(issuesFromZod(shape.error, { input: parsed.data }));
    return build(shape.data as ProfileFile);
  });
}

/**
 * Options of {@link profileToJson}.
 *
 * @example
 * ```ts
 * import type { ProfileToJsonOptions } from 'shequ';
 * const options: ProfileToJsonOptions = { rules: 'hebei' };
 * ```
 */
export interface ProfileToJsonOptions {
  /** The built-in rule profile the file names (default: the profile's own name when it is a built-in one, else national). */
  readonly rules?: RuleProfileName;
}

function periodOfProfile(profile: IndicatorProfile, periodId: string): ProfilePeriodFigures {
  const figures = figuresOfPeriod(profile, periodId);
  const ids = new Set(profile.indicators.map((entry) => entry.indicator.id));
  const pick = <Point>(record: Readonly<Record<string, Point>> | undefined) =>
    Object.fromEntries(Object.entries(record ?? {}).filter(([id]) => ids.has(id)));
  return { baselines: pick(figures.baselines), targets: pick(figures.targets) };
}

type ProfilePeriodFigures = ProfileFilePeriod;

/**
 * Writes a profile as a profile file: its indicators by id, its baselines and targets by plan period, its facts, and
 * the built-in rule profile it uses — self-contained (no `extends`), so `loadProfile` gives the same indicator rows.
 * Formulas are not written: indicators are referred to by id.
 *
 * @param profile - a built-in name or a profile whose indicators are built-in ones
 * @param options - the rule profile to name
 * @returns the file's value (`JSON.stringify` it)
 * @throws {@link shequ!ShequError} for a `profile` that is neither a built-in name nor a profile object, or a `rules`
 *   that is not a built-in rule profile's name
 *
 * @example
 * ```ts
 * import { profileToJson } from 'shequ';
 * const file = profileToJson('hebei');
 * [file.indicators?.length, file.periods?.['14th']?.baselines?.facilityAreaPer100Households?.value, file.rules];
 * //=> [18, 23.6, { extends: 'hebei' }]
 * ```
 */
export function profileToJson(
  profile: IndicatorProfile | IndicatorProfileName,
  options: ProfileToJsonOptions = {},
): ProfileFile {
  return unwrap(
    guarded(() => {
      const resolved = profile === undefined ? undefined : resolveIndicatorProfile(profile);
      if (resolved === undefined) return failure([unknownProfileIssue(profile)]);
      const rules = rulesOption(options);
      if (!rules.success) return rules;
      const builtIn = typeof profile === 'string' ? profile : undefined;
      return success(profileFileOf(resolved, rules.data ?? builtIn ?? 'national'));
    }),
  );
}

/** The `rules` option of {@link profileToJson}: a built-in rule profile's name, or absent. */
function rulesOption(options: unknown): Result<RuleProfileName | undefined> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const rules = object.data.rules;
  if (rules === undefined || (typeof rules === 'string' && Object.hasOwn(RULE_PROFILES, rules)))
    return success(rules as RuleProfileName | undefined);
  const names = Object.keys(RULE_PROFILES);
  return failure([
    invalidOption(
      ['rules'],
      `rules 应为 ${names.join('、')} 之一`,
      `rules must be one of ${names.join(', ')}`,
    ),
  ]);
}

function profileFileOf(profile: IndicatorProfile, rules: RuleProfileName): ProfileFile {
  const periods = Object.fromEntries(
    PLAN_PERIODS.map((period) => [period.id, periodOfProfile(profile, period.id)]),
  );
  return {
    id: profile.id,
    name: profile.name,
    indicators: profile.indicators.map((entry) => entry.indicator.id),
    periods,
    ...(profile.facts === undefined ? {} : { facts: profile.facts }),
    rules: { extends: rules },
  };
}
