import * as z from 'zod';
import type { LocalizedText, Severity } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import type { Comparator, Confidence, ProfileFact } from '../indicators/types.js';

// The shape of a profile file, declared once: the zod schema checks a file's structure (loadProfile) and gives the
// published JSON Schema (`shequ schema profile`, docs/schema/profile.schema.json). What a schema cannot say — that
// an id is in the catalogue, that a target's year lies in its period — is checked by loadProfile afterwards.

const text = /* @__PURE__ */ treeShakable(() => z.strictObject({ zh: z.string(), en: z.string() }));
const comparator = /* @__PURE__ */ treeShakable(() => z.enum(['>=', '>', '=', '<=']));
const confidence = /* @__PURE__ */ treeShakable(() =>
  z.enum(['seed', 'national', 'local-consensus', 'unverified']),
);
const year = /* @__PURE__ */ treeShakable(() => z.int().min(1949).max(2100));
const id = /* @__PURE__ */ treeShakable(() => z.string().min(1).max(100));

const baseline = /* @__PURE__ */ treeShakable(() =>
  z
    .strictObject({
      value: z.number(),
      year: year.optional().meta({ description: "default: the period's baseline year" }),
      confidence,
      source: z.string().max(1000),
      comparator: comparator.optional(),
      quote: z.string().max(1000).optional(),
    })
    .meta({ description: 'A baseline: the value at the end of the baseline year' }),
);

const target = /* @__PURE__ */ treeShakable(() =>
  z
    .strictObject({
      comparator,
      value: z.number(),
      year: year.optional().meta({ description: "a year of the period; default: the period's last year" }),
      confidence,
      source: z.string().max(1000),
      quote: z.string().max(1000).optional(),
    })
    .meta({ description: 'A target: how the value must compare, by the end of a year of the period' }),
);

const period = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    baselines: z
      .record(z.string(), baseline.nullable())
      .optional()
      .meta({ description: 'by indicator id; null removes an inherited baseline' }),
    targets: z
      .record(z.string(), target.nullable())
      .optional()
      .meta({ description: 'by indicator id; null removes an inherited target' }),
  }),
);

const fact = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    id,
    name: text,
    value: z.number(),
    unit: text,
    year,
    confidence,
    source: z.string().max(1000),
    quote: z.string().max(1000),
    comparator: comparator.optional(),
    approximate: z.literal(true).optional(),
    indicator: z.string().optional(),
    note: z.string().max(1000).optional(),
  }),
);

const parameter = /* @__PURE__ */ treeShakable(() =>
  z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
);

const rules = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    extends: z
      .enum(['national', 'hebei', 'beijing'])
      .optional()
      .meta({ description: "the rule profile to start from (default: the file's extends, else national)" }),
    disable: z.array(z.string()).optional().meta({ description: 'rule ids to switch off' }),
    enable: z.array(z.string()).optional().meta({
      description: 'ids of built-in rules to switch on (the national version where there are several)',
    }),
    severity: z.record(z.string(), z.enum(['error', 'warning', 'info'])).optional(),
    parameters: z.record(z.string(), z.record(z.string(), parameter)).optional(),
  }),
);

/** The zod schema of a profile file (structure only; loadProfile checks the references). */
export const profileFileSchema = /* @__PURE__ */ treeShakable(() =>
  z
    .strictObject({
      $schema: z.string().optional(),
      id,
      name: text.optional(),
      extends: z
        .enum(['national', 'hebei', 'beijing'])
        .optional()
        .meta({ description: 'a built-in profile to start from' }),
      indicators: z
        .array(z.string())
        .optional()
        .meta({ description: "built-in indicator ids, in table order (default: the extended profile's)" }),
      addIndicators: z.array(z.string()).optional(),
      removeIndicators: z.array(z.string()).optional(),
      periods: z
        .record(z.string(), period)
        .optional()
        .meta({ description: "baselines and targets by plan period id ('14th', '15th')" }),
      facts: z.array(fact).optional(),
      rules: rules.optional(),
    })
    .meta({
      title: 'shequ profile',
      description: 'A shequ profile: indicators, targets by plan period, rules, facts',
    }),
);

/**
 * A baseline as a profile file writes it: `year` defaults to the period's baseline year.
 *
 * @example
 * ```ts
 * import type { ProfileFileBaseline } from 'shequ';
 * const baseline: ProfileFileBaseline = { value: 30.2, confidence: 'seed', source: '省统计公报 2025' };
 * ```
 */
export interface ProfileFileBaseline {
  /** The value, in the indicator's unit. */
  readonly value: number;
  /** The year it describes (default: the period's baseline year). */
  readonly year?: number;
  /** How far it can be trusted. */
  readonly confidence: Confidence;
  /** Where it is stated. */
  readonly source: string;
  /** What the text says of the value ("以上": `'>='`). */
  readonly comparator?: Comparator;
  /** The words of the source, verbatim. */
  readonly quote?: string;
}

/**
 * A target as a profile file writes it: `year` defaults to the period's last year.
 *
 * @example
 * ```ts
 * import type { ProfileFileTarget } from 'shequ';
 * const target: ProfileFileTarget = { comparator: '>=', value: 35, confidence: 'seed', source: '省“十五五”规划' };
 * ```
 */
export interface ProfileFileTarget {
  /** How the value must compare. */
  readonly comparator: Comparator;
  /** The value, in the indicator's unit. */
  readonly value: number;
  /** The year by whose end it applies (a year of the period; default its last). */
  readonly year?: number;
  /** How far it can be trusted. */
  readonly confidence: Confidence;
  /** Where it is stated. */
  readonly source: string;
  /** The words of the source, verbatim. */
  readonly quote?: string;
}

/**
 * One plan period's figures in a profile file: baselines and targets by indicator id, `null` removing an inherited one.
 *
 * @example
 * ```ts
 * import type { ProfileFilePeriod } from 'shequ';
 * const period: ProfileFilePeriod = { targets: { village5gCoverage: null } };
 * ```
 */
export interface ProfileFilePeriod {
  /** Baselines by indicator id. */
  readonly baselines?: Readonly<Record<string, ProfileFileBaseline | null>>;
  /** Targets by indicator id. */
  readonly targets?: Readonly<Record<string, ProfileFileTarget | null>>;
}

/**
 * The rules of a profile file: the rule profile to start from, rules switched off or on, severities and parameters.
 *
 * @example
 * ```ts
 * import type { ProfileFileRules } from 'shequ';
 * const rules: ProfileFileRules = { disable: ['service.convenienceOutlets'], severity: { 'facility.activityAreaShare': 'error' } };
 * ```
 */
export interface ProfileFileRules {
  /** The built-in rule profile to start from (default: the file's `extends`, else `national`). */
  readonly extends?: 'national' | 'hebei' | 'beijing';
  /** Rule ids to switch off. */
  readonly disable?: readonly string[];
  /** Ids of built-in rules to switch on (the national version of a rule a province restates). */
  readonly enable?: readonly string[];
  /** New severity by rule id. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Parameters by rule id, merged into the rule's own (each must be one the rule has, of the same type). */
  readonly parameters?: Readonly<
    Record<string, Readonly<Record<string, number | string | boolean | readonly string[]>>>
  >;
}

/**
 * A profile as a JSON file writes it (`docs/schema/profile.schema.json`): built-in indicators by id, baselines and
 * targets by plan period, rules switched on or off, reference facts; `extends` starts from a built-in profile.
 *
 * @example
 * ```ts
 * import type { ProfileFile } from 'shequ';
 * const file: ProfileFile = {
 *   id: 'hebei-2026',
 *   extends: 'hebei',
 *   periods: { '15th': { targets: { facilityAreaPer100Households: { comparator: '>=', value: 35, confidence: 'seed', source: '省“十五五”规划' } } } },
 *   rules: { disable: ['service.convenienceOutlets'] },
 * };
 * ```
 */
export interface ProfileFile {
  /** The JSON Schema's address, for editors; ignored. */
  readonly $schema?: string;
  /** Identifier of the profile. */
  readonly id: string;
  /** Name (default: the extended profile's, else the id). */
  readonly name?: LocalizedText;
  /** A built-in profile to start from. */
  readonly extends?: 'national' | 'hebei' | 'beijing';
  /** Built-in indicator ids, in table order (default: the extended profile's; required without `extends`). */
  readonly indicators?: readonly string[];
  /** Built-in indicator ids to append. */
  readonly addIndicators?: readonly string[];
  /** Indicator ids to drop. */
  readonly removeIndicators?: readonly string[];
  /** Baselines and targets by plan period id (`'14th'`, `'15th'`). */
  readonly periods?: Readonly<Record<string, ProfileFilePeriod>>;
  /** Facts the plan states that are no indicator's baseline; one with an inherited id replaces it. */
  readonly facts?: readonly ProfileFact[];
  /** Rules switched off or on, severities and parameters. */
  readonly rules?: ProfileFileRules;
}

/**
 * The JSON Schema (draft 2020-12) of a profile file, for editors and systems that do not run TypeScript. References
 * (indicator and rule ids, a target's year within its period) are checked by `loadProfile`, not by the schema. Also
 * published as `docs/schema/profile.schema.json` and printed by `shequ schema profile`.
 *
 * @returns a JSON Schema object
 *
 * @example
 * ```ts
 * import { profileJsonSchema } from 'shequ';
 * profileJsonSchema().required;
 * //=> ['id']
 * ```
 */
export function profileJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://unpkg.com/shequ/docs/schema/profile.schema.json',
    ...z.toJSONSchema(profileFileSchema, { io: 'input' }),
  };
}
