import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_ROOT, sourceFiles } from '../helpers/source-files.js';

// A bundle keeps whatever a module builds at its top level. `import { z } from 'zod'` pulls every locale of zod
// (450 KB), and a top-level `const schema = z.…` keeps zod in every bundle that touches its module (computeIndicators
// went from 110 to 562 KB when a merged branch did both). The whole class is kept out of the source: zod comes in as a
// namespace, and a module-level schema is built inside `treeShakable(() => …)` (src/core/tree-shakable.ts), which
// bundlers can drop. `npm run check:bundles` measures the result; this finds the cause before a build.
const root = SOURCE_ROOT;

/** A top-level `const name … = z.…` (a schema built at module load, outside `treeShakable`). */
const TOP_LEVEL_SCHEMA = /^(?:export )?const \w+(?::[^=]+)? = z\s*\./m;

describe('zod in the source', () => {
  const files = sourceFiles(root).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('is imported as a namespace, never as `{ z }` (which carries all of its locales)', () => {
    const named = files.filter(({ text }) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/.test(text));
    expect(named.map(({ file }) => file)).toEqual([]);
  });

  it('builds no schema at the top level of a module outside treeShakable', () => {
    const eager = files.filter(({ text }) => TOP_LEVEL_SCHEMA.test(text));
    expect(eager.map(({ file }) => file)).toEqual([]);
  });

  it('finds both mistakes when they are made (the checks can fail)', () => {
    expect(/import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/.test("import { z } from 'zod';")).toBe(true);
    expect(TOP_LEVEL_SCHEMA.test('export const crosswalkSchema: z.ZodType<X[]> = z.array(')).toBe(true);
    expect(TOP_LEVEL_SCHEMA.test('export const s: z.ZodType<X> = /* @__PURE__ */ treeShakable(() =>')).toBe(
      false,
    );
  });
});
