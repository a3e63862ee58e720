import type { Issue, LocalizedText, PathSegment, Severity } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import {
  changesHead,
  EXPECTED,
  type ItemShape,
  isRecord,
  listOf,
  recordOf,
  shapeIssue,
  TEXT_ITEM,
} from '../core/shape.js';
import { isRule } from './profile-check.js';
import type { AnyRule, Rule } from './types.js';

type Parameters = Rule['parameters'];

// The changes deriveRuleProfile is given, read once and checked: every key of the wrong shape is an issue at its path
// in `changes`, and the derivation reads only the copy made here, never the caller's object again.

/** The changes, checked: each key the caller's own, records without a prototype. */
export interface CheckedRuleChanges {
  readonly id: string;
  readonly name: LocalizedText | undefined;
  readonly disable: readonly string[];
  readonly add: readonly AnyRule[];
  readonly severity: Readonly<Record<string, Severity>>;
  readonly parameters: Readonly<Record<string, Parameters>>;
}

const SEVERITIES: readonly unknown[] = ['error', 'warning', 'info'];

const RULE_ITEM: ItemShape = {
  check: isRule,
  expected: {
    zh: '规则（id、title、appliesTo、severity、parameters、effective、source 与 check，或地区规则）',
    en: 'a rule (id, title, appliesTo, severity, parameters, effective, source and check, or a region rule)',
  },
  code: 'invalid_value',
};

const SEVERITY: LocalizedText = { zh: 'error、warning 或 info', en: 'error, warning or info' };

/** A severity by rule id, or an issue at its path. */
function severityAt(value: unknown, path: readonly PathSegment[], issues: Issue[]): Severity {
  if (!SEVERITIES.includes(value)) issues.push(shapeIssue('invalid_value', path, SEVERITY));
  return value as Severity;
}

/** A rule's parameters by name (copied), or an issue at its path; each value is checked against its rule later. */
function parametersAt(value: unknown, path: readonly PathSegment[], issues: Issue[]): Parameters {
  if (isRecord(value)) return recordOf(value, path, (parameter) => parameter, issues) as Parameters;
  issues.push(shapeIssue('invalid_type', path, EXPECTED.object));
  return {};
}

/**
 * The changes read once and checked: their copy, and an issue at the path of every value of the wrong shape (the
 * copy is then not to be used). A parameter's value is checked against its rule by ruleParameterIssues.
 */
export function checkRuleChanges(changes: unknown): { issues: Issue[]; checked: CheckedRuleChanges } {
  const issues: Issue[] = [];
  const { given, id, name } = changesHead(changes, issues);
  const disable = listOf<string>(ownValue(given, 'disable'), 'disable', TEXT_ITEM, issues);
  const add = listOf<AnyRule>(ownValue(given, 'add'), 'add', RULE_ITEM, issues);
  const severity = recordOf(
    ownValue(given, 'severity'),
    ['severity'],
    (value, path) => severityAt(value, path, issues),
    issues,
  );
  const parameters = recordOf(
    ownValue(given, 'parameters'),
    ['parameters'],
    (value, path) => parametersAt(value, path, issues),
    issues,
  );
  return {
    issues,
    checked: {
      id,
      name,
      disable,
      add,
      severity,
      parameters,
    },
  };
}
