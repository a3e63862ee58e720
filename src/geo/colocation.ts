import { guarded, invalidOption, optionsObject } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import type { ServicePoint } from './circle-types.js';
import { crsMismatchIssue } from './crs.js';
import { haversineMetres } from './distance.js';
import { buildKdTree, nearestInTree, toXyz } from './kdtree.js';
import { BEIJING_CONVENIENCE_OUTLETS, kindAliasTable, normalizeKind } from './life-circles.js';
import { wgs84Columns } from './spatial-index.js';

/**
 * Options of {@link checkColocation}: service kind `kind` must stand within `withinMetres` of a service of kind
 * `near`.
 *
 * @example
 * ```ts
 * import { HEBEI_HEALTH_BESIDE_ELDERLY_CARE, type CheckColocationOptions } from 'shequ/geo';
 * const options: CheckColocationOptions = HEBEI_HEALTH_BESIDE_ELDERLY_CARE;
 * ```
 */
export interface CheckColocationOptions {
  /** The kind checked (e.g. 社区卫生服务中心). */
  readonly kind: string;
  /** The kind it must stand beside (e.g. 养老服务设施). */
  readonly near: string;
  /** Largest distance in metres that counts as beside. */
  readonly withinMetres: number;
}

/**
 * One service of the checked kind and its nearest service of the other kind.
 *
 * @example
 * ```ts
 * import type { ColocationFinding } from 'shequ/geo';
 * const finding: ColocationFinding = { service: 0, nearest: 3, distance: 42.5, beside: true };
 * ```
 */
export interface ColocationFinding {
  /** Position of the checked service in the input. */
  readonly service: number;
  /** Position of the nearest service of the other kind (−1: none at all). */
  readonly nearest: number;
  /** Its distance in metres (`Infinity`: none). */
  readonly distance: number;
  /** Whether it is within `withinMetres`. */
  readonly beside: boolean;
}

function checkOptions(options: unknown): Result<CheckColocationOptions> {
  const read = optionsObject(options);
  if (!read.success) return read;
  const { kind, near, withinMetres } = read.data;
  const issues: Issue[] = [];
  if (typeof kind !== 'string' || kind.trim() === '')
    issues.push(invalidOption(['kind'], 'kind 应为类型名称', 'kind must be a kind name'));
  if (typeof near !== 'string' || near.trim() === '')
    issues.push(invalidOption(['near'], 'near 应为类型名称', 'near must be a kind name'));
  if (!(typeof withinMetres === 'number' && withinMetres >= 0 && withinMetres < 1e6))
    issues.push(invalidOption(['withinMetres'], '距离应为非负数（米）', 'withinMetres must be a number ≥ 0'));
  if (issues.length > 0) return failure(issues);
  return success({ kind: kind as string, near: near as string, withinMetres: withinMetres as number });
}

/**
 * The co-location check (Hebei: 社区卫生服务中心 beside 养老服务设施, see {@link HEBEI_HEALTH_BESIDE_ELDERLY_CARE}):
 * for every service of `kind`, the nearest service of `near` and whether it stands within `withinMetres`
 * (haversine, after conversion to WGS-84). Kinds match after NFKC, white space and case are ignored.
 *
 * @param services - service points, one coordinate system
 * @param options - the two kinds and the distance
 * @returns one finding per service of `kind`, in input order; issues for bad options or points, or mixed systems
 *
 * @example
 * ```ts
 * import { checkColocation } from 'shequ/geo';
 * checkColocation(
 *   [
 *     { lng: 114.5, lat: 38.04, crs: 'wgs84', kind: '社区卫生服务中心' },
 *     { lng: 114.5005, lat: 38.04, crs: 'wgs84', kind: '养老服务设施' },
 *   ],
 *   { kind: '社区卫生服务中心', near: '养老服务设施', withinMetres: 100 },
 * );
 * //=> { success: true, data: [{ service: 0, nearest: 1, distance: 43.8…, beside: true }] }
 * ```
 */
export function checkColocation(
  services: readonly ServicePoint[],
  options: CheckColocationOptions,
): Result<ColocationFinding[]> {
  return guarded(() => {
    const checked = checkOptions(options);
    if (!checked.success) return checked;
    const { kind, near, withinMetres } = checked.data;
    if (!Array.isArray(services)) return failure([notAList()]);
    const list = services as readonly ServicePoint[];
    const crs = list[0]?.crs;
    const other = list.find((s) => s?.crs !== crs);
    if (other !== undefined)
      return failure([crsMismatchIssue(String(crs), String(other?.crs), ['services'])]);
    const { lng, lat } = wgs84Columns(list);
    const aliases = kindAliasTable([BEIJING_CONVENIENCE_OUTLETS]);
    const matches = (raw: unknown, wanted: string) =>
      typeof raw === 'string' &&
      (aliases.get(normalizeKind(raw)) ?? normalizeKind(raw)) ===
        (aliases.get(normalizeKind(wanted)) ?? normalizeKind(wanted));
    const nearIds: number[] = [];
    for (let i = 0; i < list.length; i++) if (matches(list[i]?.kind, near)) nearIds.push(i);
    const nearLng = Float64Array.from(nearIds, (i) => lng[i] as number);
    const nearLat = Float64Array.from(nearIds, (i) => lat[i] as number);
    const tree = buildKdTree(nearLng, nearLat, nearIds.length);
    const findings: ColocationFinding[] = [];
    const q = [0, 0, 0];
    for (let i = 0; i < list.length; i++) {
      if (!matches(list[i]?.kind, kind)) continue;
      toXyz(lng[i] as number, lat[i] as number, q);
      const at = nearestInTree(tree, q[0] as number, q[1] as number, q[2] as number, Infinity);
      if (at < 0) {
        findings.push({ service: i, nearest: -1, distance: Infinity, beside: false });
        continue;
      }
      const local = tree.ids[at] as number;
      const distance = haversineMetres(
        lng[i] as number,
        lat[i] as number,
        nearLng[local] as number,
        nearLat[local] as number,
      );
      findings.push({
        service: i,
        nearest: nearIds[local] as number,
        distance,
        beside: distance <= withinMetres,
      });
    }
    return success(findings);
  });
}

function notAList(): Issue {
  return createIssue(
    'invalid_type',
    { zh: '服务点应为数组', en: 'services must be an array' },
    { path: ['services'] },
  );
}
