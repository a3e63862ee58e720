import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every example under examples/ runs against the build, as a user would run it, and asserts its own results.
const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples')).filter((file) => /\.(mjs|cjs)$/.test(file));

describe('examples', () => {
  it('exist', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s runs and passes its assertions', (file) => {
    const output = execFileSync(process.execPath, [join('examples', file)], { cwd: root, encoding: 'utf8' });
    expect(output.length).toBeGreaterThan(0);
  });
});
