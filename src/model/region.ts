import * as z from 'zod';
import { divisionCodeSchema } from '../codes/schemas.js';
import { treeShakable } from '../core/tree-shakable.js';
import type { Region } from './region-tree.js';

// The schema of a region; the types and the tree are in region-tree.ts (no zod), re-exported here.
export {
  buildRegionTree,
  type Region,
  type RegionNode,
  type RegionTree,
  type RegionTreeResult,
  type TreeUnit,
} from './region-tree.js';

/**
 * zod schema of a {@link Region}.
 *
 * @example
 * ```ts
 * import { regionSchema } from 'shequ';
 * regionSchema.safeParse({ code: '1101', name: '市辖区' }).success;
 * //=> true
 * ```
 */
export const regionSchema: z.ZodType<Region> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    code: divisionCodeSchema,
    name: z.string(),
    parent: divisionCodeSchema.nullable().exactOptional(),
  }),
);
