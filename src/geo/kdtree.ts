// A static 3-D kd-tree over points on the sphere. Each point becomes (x, y, z) on the mean sphere, so the straight
// chord between two points grows with their great-circle distance: the nearest point by chord is the nearest by
// haversine, and a radius in metres is a chord radius. No projection, no distortion at any latitude, no special case
// at ±180°. Storage: Float64Array coordinates and a Uint32Array of original positions, sorted in place
// (kdbush's layout, in three dimensions): 36 bytes per point.

import { EARTH_MEAN_RADIUS_METRES } from './distance.js';

/** Points per leaf: scanned linearly (fewer levels, better cache use). */
const NODE_SIZE = 32;
const RAD = Math.PI / 180;

/** The arrays of a built tree (internal layout; the public handle is `SpatialIndex`). */
export interface KdTree {
  /** Original position of each stored point, in tree order. */
  readonly ids: Uint32Array;
  /** x, y, z of each stored point (metres on the mean sphere), in tree order. */
  readonly xyz: Float64Array;
}

/** Writes the sphere coordinates of a WGS-84 longitude/latitude into `out` at `at`. */
export function toXyz(lng: number, lat: number, out: Float64Array | number[], at = 0): void {
  const cosLat = Math.cos(lat * RAD);
  out[at] = EARTH_MEAN_RADIUS_METRES * cosLat * Math.cos(lng * RAD);
  out[at + 1] = EARTH_MEAN_RADIUS_METRES * cosLat * Math.sin(lng * RAD);
  out[at + 2] = EARTH_MEAN_RADIUS_METRES * Math.sin(lat * RAD);
}

/**
 * Builds a tree from WGS-84 columns: point i is (`lng[i]`, `lat[i]`) for i < count, or (`lng[from[i]]`,
 * `lat[from[i]]`) when `from` is given (a subset, read in place: no copy of the columns).
 */
export function buildKdTree(
  lng: ArrayLike<number>,
  lat: ArrayLike<number>,
  count: number,
  from?: Uint32Array,
): KdTree {
  const ids = new Uint32Array(count);
  const xyz = new Float64Array(count * 3);
  for (let i = 0; i < count; i++) {
    ids[i] = i;
    const at = from === undefined ? i : (from[i] as number);
    toXyz(lng[at] as number, lat[at] as number, xyz, i * 3);
  }
  // An explicit stack instead of recursion: no deep call chains on big inputs.
  const stack = [0, count - 1, 0];
  while (stack.length > 0) {
    const axis = stack.pop() as number;
    const right = stack.pop() as number;
    const left = stack.pop() as number;
    if (right - left <= NODE_SIZE) continue;
    const middle = (left + right) >> 1;
    select(ids, xyz, middle, left, right, axis);
    const next = (axis + 1) % 3;
    stack.push(left, middle - 1, next, middle + 1, right, next);
  }
  return { ids, xyz };
}

/** Floyd–Rivest selection: puts the k-th smallest on `axis` at k, smaller before, larger after. */
function select(
  ids: Uint32Array,
  xyz: Float64Array,
  k: number,
  left: number,
  right: number,
  axis: number,
): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      select(ids, xyz, k, newLeft, newRight, axis);
    }
    const t = xyz[k * 3 + axis] as number;
    let i = left;
    let j = right;
    swap(ids, xyz, left, k);
    if ((xyz[right * 3 + axis] as number) > t) swap(ids, xyz, left, right);
    while (i < j) {
      swap(ids, xyz, i, j);
      i++;
      j--;
      while ((xyz[i * 3 + axis] as number) < t) i++;
      while ((xyz[j * 3 + axis] as number) > t) j--;
    }
    if ((xyz[left * 3 + axis] as number) === t) swap(ids, xyz, left, j);
    else {
      j++;
      swap(ids, xyz, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(ids: Uint32Array, xyz: Float64Array, i: number, j: number): void {
  const id = ids[i] as number;
  ids[i] = ids[j] as number;
  ids[j] = id;
  for (let a = 0; a < 3; a++) {
    const v = xyz[i * 3 + a] as number;
    xyz[i * 3 + a] = xyz[j * 3 + a] as number;
    xyz[j * 3 + a] = v;
  }
}

function squaredChord(xyz: Float64Array, at: number, qx: number, qy: number, qz: number): number {
  const dx = (xyz[at * 3] as number) - qx;
  const dy = (xyz[at * 3 + 1] as number) - qy;
  const dz = (xyz[at * 3 + 2] as number) - qz;
  return dx * dx + dy * dy + dz * dz;
}

/** A reusable stack for the searches: 4 numbers per pending node; the depth is at most 2 log₂ n (≤ 64 levels). */
export function createSearchStack(): Float64Array {
  return new Float64Array(4 * 2 * 64);
}

/**
 * The stored position (tree order) of the point nearest to (qx, qy, qz) with squared chord ≤ `maxSquared`, or −1.
 * Ties go to the lowest original id, so the answer does not depend on the tree's shape. The hot loop of the circles:
 * no closure, no allocation.
 */
export function nearestInTree(
  tree: KdTree,
  qx: number,
  qy: number,
  qz: number,
  maxSquared: number,
  stack: Float64Array = createSearchStack(),
): number {
  const { ids, xyz } = tree;
  let best = -1;
  let bestId = 0;
  let bestSquared = maxSquared;
  let top = 0;
  if (ids.length > 0) {
    stack[0] = 0;
    stack[1] = ids.length - 1;
    stack[2] = 0;
    stack[3] = 0;
    top = 4;
  }
  while (top > 0) {
    top -= 4;
    const left = stack[top] as number;
    const right = stack[top + 1] as number;
    const axis = stack[top + 2] as number;
    if ((stack[top + 3] as number) > bestSquared) continue; // that side is farther than the best found since
    const leaf = right - left <= NODE_SIZE;
    const middle = (left + right) >> 1;
    const from = leaf ? left : middle;
    const to = leaf ? right : middle;
    for (let at = from; at <= to; at++) {
      const dx = (xyz[at * 3] as number) - qx;
      const dy = (xyz[at * 3 + 1] as number) - qy;
      const dz = (xyz[at * 3 + 2] as number) - qz;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bestSquared || (d === bestSquared && (best === -1 || (ids[at] as number) < bestId))) {
        best = at;
        bestId = ids[at] as number;
        bestSquared = d;
      }
    }
    if (leaf) continue;
    const delta = (axis === 0 ? qx : axis === 1 ? qy : qz) - (xyz[middle * 3 + axis] as number);
    const next = axis === 2 ? 0 : axis + 1;
    // The far side first on the stack, so the near side is searched first and tightens the bound.
    const nearLeft = delta < 0;
    stack[top] = nearLeft ? middle + 1 : left;
    stack[top + 1] = nearLeft ? right : middle - 1;
    stack[top + 2] = next;
    stack[top + 3] = delta * delta;
    stack[top + 4] = nearLeft ? left : middle + 1;
    stack[top + 5] = nearLeft ? middle - 1 : right;
    stack[top + 6] = next;
    stack[top + 7] = 0;
    top += 8;
  }
  return best;
}

/** Calls `visit(storedPosition)` for every point with squared chord ≤ `maxSquared` of (qx, qy, qz). */
export function withinInTree(
  tree: KdTree,
  qx: number,
  qy: number,
  qz: number,
  maxSquared: number,
  visit: (at: number) => void,
  stack: number[] = [],
): void {
  const { ids, xyz } = tree;
  stack.length = 0;
  if (ids.length > 0) stack.push(0, ids.length - 1, 0);
  while (stack.length > 0) {
    const axis = stack.pop() as number;
    const right = stack.pop() as number;
    const left = stack.pop() as number;
    if (right - left <= NODE_SIZE) {
      for (let at = left; at <= right; at++) if (squaredChord(xyz, at, qx, qy, qz) <= maxSquared) visit(at);
      continue;
    }
    const middle = (left + right) >> 1;
    if (squaredChord(xyz, middle, qx, qy, qz) <= maxSquared) visit(middle);
    const delta = (axis === 0 ? qx : axis === 1 ? qy : qz) - (xyz[middle * 3 + axis] as number);
    const next = (axis + 1) % 3;
    if (delta <= 0 || delta * delta <= maxSquared) stack.push(left, middle - 1, next);
    if (delta >= 0 || delta * delta <= maxSquared) stack.push(middle + 1, right, next);
  }
}
