/**
 * Builds a module-level value (a zod schema) at once. Called as `/* @__PURE__ *\/ treeShakable(() => z.object(…))`,
 * so that a bundle which never uses the value drops it and what it is built from (zod itself when nothing else needs
 * it). A pure annotation on `z.object({ a: x.optional() })` itself is not enough: esbuild, Rollup and terser keep the
 * arguments' method calls; the only argument here is an arrow function, which they can drop. Without it, a bundle of
 * `computeIndicators` carried the schemas of the rich unit record it never validates, and with them zod.
 *
 * Internal: not exported from the package.
 *
 * @param build - builds the value; called once, at once (no laziness: the value is the same as without the wrapper)
 * @returns what `build` returns
 */
export function treeShakable<Value>(build: () => Value): Value {
  return build();
}
