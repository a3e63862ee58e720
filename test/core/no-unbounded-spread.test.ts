import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_ROOT, sourceFiles } from '../helpers/source-files.js';

// Spreading an array into a call's arguments (`push(...rows)`, `Math.max(...values)`) overflows the call stack from
// about 10⁵ elements: a national file has 620 000 rows. The whole class is kept out of the source, not one site.
const root = SOURCE_ROOT;
const FORBIDDEN = [
  /\.push\(\s*\.\.\./,
  /\.unshift\(\s*\.\.\./,
  /Math\.(?:max|min)\([^)]*\.\.\./,
  /String\.fromCharCode\(\s*\.\.\./,
  /String\.fromCodePoint\(\s*\.\.\./,
  /\.concat\(\s*\.\.\./,
  /\.splice\([^)]*\.\.\./,
];

describe('the source', () => {
  it('never spreads an array into the arguments of a call that can receive unbounded input', () => {
    const found: string[] = [];
    for (const file of sourceFiles(root)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
          if (FORBIDDEN.some((pattern) => pattern.test(line)))
            found.push(`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
