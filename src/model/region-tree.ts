import {
  type DivisionLevel,
  divisionAncestors,
  divisionAtLevel,
  parseDivisionCode,
} from '../codes/division-code.js';
import { createIssue, type Issue } from '../core/issue.js';

// Regions and their tree, without zod: regionSchema is in region.ts, which re-exports these, so that building a tree
// (the validator, the indicator path) does not load zod when the command line starts (issue 13).

/**
 * A region above the units: province, prefecture, county or township (街道/镇/乡).
 *
 * @example
 * ```ts
 * import type { Region } from 'shequ';
 * const district: Region = { code: '110105000000', name: '朝阳区' };
 * const rongdong: Region = { code: '130629400000', name: '容东片区', parent: '133100000000' };
 * ```
 */
export interface Region {
  /** Division code, any accepted form (normalised to 12 digits in the tree). */
  readonly code: string;
  /** Name. */
  readonly name: string;
  /**
   * Code of the region above, where the real hierarchy differs from the code prefixes (雄安新区, 省直辖县);
   * omitted means the nearest region above by prefix; `null` makes it a root.
   */
  readonly parent?: string | null;
}

/**
 * One node of a {@link RegionTree}.
 *
 * @example
 * ```ts
 * import type { RegionNode } from 'shequ';
 * const node: RegionNode = { code: '110105000000', name: '朝阳区', level: 'county', parent: '110100000000', children: [] };
 * ```
 */
export interface RegionNode {
  /** 12-digit code. */
  readonly code: string;
  /** Name. */
  readonly name: string;
  /** Level, from the code. */
  readonly level: DivisionLevel;
  /** 12-digit code of the node above, or `null` for a root. */
  readonly parent: string | null;
  /** Codes of the nodes below (regions and units), in input order. */
  readonly children: readonly string[];
}

/**
 * Regions and units as a tree: lookup by code, children, ancestors. Built by {@link buildRegionTree}.
 *
 * @example
 * ```ts
 * import { buildRegionTree } from 'shequ';
 * const { tree } = buildRegionTree([{ code: '110105', name: '朝阳区' }, { code: '110105001', name: '建外街道' }]);
 * tree.ancestors('110105001000');
 * //=> ['110105000000']
 * ```
 */
export interface RegionTree {
  /** Every node by 12-digit code. */
  readonly nodes: ReadonlyMap<string, RegionNode>;
  /** Codes of the nodes without a parent. */
  readonly roots: readonly string[];
  /** The node of a code (any accepted form), or `undefined`. */
  get(code: string): RegionNode | undefined;
  /** Codes of the nodes right below `code`. */
  children(code: string): readonly string[];
  /** Codes of the nodes above `code`, root first. */
  ancestors(code: string): string[];
}

/**
 * A unit as the tree needs it: a code and a name.
 *
 * @example
 * ```ts
 * import type { TreeUnit } from 'shequ';
 * const unit: TreeUnit = { code: '110105001001', name: '某社区' };
 * ```
 */
export interface TreeUnit {
  /** 12-digit village-level code. */
  readonly code: string;
  /** Name. */
  readonly name?: string;
  /** The year (统计年度) the record describes: one unit in two years is one node, not a duplicate code. */
  readonly year?: number;
}

interface MutableNode {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
  children: string[];
  explicitParent: string | null | undefined;
  path: (string | number)[];
}

/** The 12-digit form of a valid division code, or `undefined`. */
function normalise(code: string | null | undefined): string | undefined {
  if (code === null || code === undefined) return undefined;
  const parsed = parseDivisionCode(code);
  return parsed.success ? parsed.data.code : undefined;
}

function hierarchyIssue(path: (string | number)[], zh: string, en: string): Issue {
  return createIssue('invalid_hierarchy', { zh, en }, { path });
}

function addNodes(
  regions: readonly Region[],
  units: readonly TreeUnit[],
  nodes: Map<string, MutableNode>,
  issues: Issue[],
): void {
  // The years each unit code was listed in: the same unit in another year is the same node, not a duplicate.
  const unitYears = new Map<string, Set<unknown>>();
  const add = (
    code: string,
    name: string,
    explicitParent: string | null | undefined,
    path: (string | number)[],
    unitYear: { readonly year: unknown } | undefined,
  ) => {
    const parsed = parseDivisionCode(code);
    if (!parsed.success) return; // the schema reports malformed codes
    const key = parsed.data.code;
    const years = unitYears.get(key);
    if (unitYear !== undefined && years !== undefined && !years.has(unitYear.year)) {
      years.add(unitYear.year);
      return;
    }
    if (nodes.has(key)) {
      issues.push(
        createIssue(
          'duplicate_code',
          { zh: `代码 ${key} 重复`, en: `Code ${key} appears more than once` },
          { path: [...path, 'code'] },
        ),
      );
      return;
    }
    if (unitYear === undefined && parsed.data.level === 'village') {
      issues.push(
        hierarchyIssue(
          [...path, 'code'],
          '区域不应为村级代码，村级单位应列在 units 中',
          'A region cannot have a village-level code; list units under units',
        ),
      );
      return;
    }
    const parent = explicitParent === null ? null : normalise(explicitParent);
    if (typeof explicitParent === 'string' && parent === undefined) {
      issues.push(
        hierarchyIssue(
          [...path, 'parent'],
          '上级代码不是有效的区划代码',
          'The parent is not a valid division code',
        ),
      );
    }
    if (unitYear !== undefined) unitYears.set(key, new Set([unitYear.year]));
    nodes.set(key, {
      code: key,
      name,
      level: parsed.data.level,
      parent: null,
      children: [],
      explicitParent: parent,
      path,
    });
  };
  regions.forEach((region, i) => {
    add(region.code, region.name, region.parent, ['regions', i], undefined);
  });
  units.forEach((unit, i) => {
    add(unit.code, unit.name ?? '', undefined, ['units', i], { year: unit.year });
  });
}

function linkParents(nodes: Map<string, MutableNode>, issues: Issue[]): void {
  for (const node of nodes.values()) {
    if (node.explicitParent !== undefined) {
      if (node.explicitParent !== null && !nodes.has(node.explicitParent)) {
        issues.push(
          hierarchyIssue(
            [...node.path, 'parent'],
            `上级 ${node.explicitParent} 不在区域中`,
            `Parent ${node.explicitParent} is not among the regions`,
          ),
        );
      } else {
        node.parent = node.explicitParent;
      }
      continue;
    }
    const ancestors = divisionAncestors(node.code);
    for (let i = ancestors.length - 1; i >= 0; i--) {
      if (nodes.has(ancestors[i] as string)) {
        node.parent = ancestors[i] as string;
        break;
      }
    }
  }
}

function breakCycles(nodes: Map<string, MutableNode>, issues: Issue[]): void {
  for (const start of nodes.values()) {
    const seen = new Set<string>([start.code]);
    let current = start.parent;
    while (current !== null) {
      if (seen.has(current)) {
        issues.push(
          hierarchyIssue([...start.path, 'parent'], '上级关系成环', 'The parent links form a cycle'),
        );
        start.parent = null;
        break;
      }
      seen.add(current);
      current = nodes.get(current)?.parent ?? null;
    }
  }
}

function checkUnitsUnderTownships(
  nodes: Map<string, MutableNode>,
  units: readonly TreeUnit[],
  issues: Issue[],
): void {
  const hasTownships = [...nodes.values()].some((node) => node.level === 'township');
  if (!hasTownships) return;
  units.forEach((unit, i) => {
    const node = nodes.get(normalise(unit.code) ?? '');
    if (node === undefined || node.path[0] !== 'units' || node.path[1] !== i) return; // invalid or duplicate: reported
    const township = divisionAtLevel(node.code, 'township');
    if (node.parent !== township) {
      issues.push(
        hierarchyIssue(
          ['units', i, 'code'],
          `单位代码不在其乡级区域 ${township} 之下（该乡级区域未列出）`,
          `The unit's township ${township} is not among the regions`,
        ),
      );
    }
  });
}

/**
 * What {@link buildRegionTree} returns: the tree, built as far as the input allows, and the problems found.
 *
 * @example
 * ```ts
 * import { buildRegionTree, type RegionTreeResult } from 'shequ';
 * const result: RegionTreeResult = buildRegionTree([{ code: '11', name: '北京市' }]);
 * result.issues.length;
 * //=> 0
 * ```
 */
export interface RegionTreeResult {
  /** The tree. */
  readonly tree: RegionTree;
  /** Duplicate codes and hierarchy problems, each with its path. */
  readonly issues: Issue[];
}

/**
 * Builds the region tree of regions and units, and checks its consistency: duplicate codes (`duplicate_code`),
 * explicit parents that are missing or form a cycle, region codes at village level, and — when townships are listed
 * — units whose township is not (`invalid_hierarchy`). Parents default to the nearest listed region by prefix;
 * explicit parent links override it. Nothing throws; every problem is an issue with its path.
 *
 * @param regions - the regions (province to township)
 * @param units - the units (社区/村), placed under their regions
 * @returns the tree and the issues found
 *
 * @example
 * ```ts
 * import { buildRegionTree } from 'shequ';
 * const { tree, issues } = buildRegionTree(
 *   [{ code: '13', name: '河北省' }, { code: '130629', name: '容城县' }, { code: '133100', name: '雄安新区', parent: '13' },
 *    { code: '130629400', name: '容东片区', parent: '133100' }],
 *   [{ code: '130629400001', name: '某社区' }],
 * );
 * tree.ancestors('130629400001');
 * //=> ['130000000000', '133100000000', '130629400000']
 * issues;
 * //=> []
 * ```
 */
export function buildRegionTree(
  regions: readonly Region[],
  units: readonly TreeUnit[] = [],
): RegionTreeResult {
  const nodes = new Map<string, MutableNode>();
  const issues: Issue[] = [];
  addNodes(regions, units, nodes, issues);
  linkParents(nodes, issues);
  breakCycles(nodes, issues);
  checkUnitsUnderTownships(nodes, units, issues);
  const roots: string[] = [];
  for (const node of nodes.values()) {
    if (node.parent === null) roots.push(node.code);
    else nodes.get(node.parent)?.children.push(node.code);
  }
  const frozen = new Map<string, RegionNode>();
  for (const { code, name, level, parent, children } of nodes.values())
    frozen.set(code, { code, name, level, parent, children });
  return { tree: makeTree(frozen, roots), issues };
}

function makeTree(nodes: ReadonlyMap<string, RegionNode>, roots: readonly string[]): RegionTree {
  const find = (code: string) => nodes.get(normalise(code) ?? '');
  return {
    nodes,
    roots,
    get: find,
    children: (code) => find(code)?.children ?? [],
    ancestors: (code) => {
      const out: string[] = [];
      let current = find(code)?.parent ?? null;
      while (current !== null) {
        out.unshift(current);
        current = nodes.get(current)?.parent ?? null;
      }
      return out;
    },
  };
}
