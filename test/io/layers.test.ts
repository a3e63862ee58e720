/**
 * io reads bytes into rows and knows neither indicators nor rules (issue 16): no file of src/io imports indicators,
 * standards or report — except the one shim that keeps the deprecated table exports of shequ/io.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const io = join(import.meta.dirname, '..', '..', 'src', 'io');
const SHIM = 'deprecated-tables.ts';

describe('io depends on model (and core, codes) only', () => {
  it('no io module imports indicators, standards, report or pipeline (the deprecated shim aside)', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(io)) {
      if (!file.endsWith('.ts') || file === SHIM) continue;
      const text = readFileSync(join(io, file), 'utf8');
      for (const match of text.matchAll(/from '\.\.\/(indicators|standards|report|pipeline)\//g))
        offenders.push(`${file}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the shim imports only the report layer’s tables', () => {
    const text = readFileSync(join(io, SHIM), 'utf8');
    expect([...text.matchAll(/^import [^;]*? from '([^']+)'/gm)].map((m) => m[1])).toEqual([
      '../report/tables.js',
    ]);
  });
});
