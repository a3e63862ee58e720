import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { runMain } from '../helpers/run-main.js';

// One argument too many is a usage error whose example is a correct call of that command — not a data file given to
// a command that takes none (demo), a name (schema) or two files (circle).
const EN = { LANG: 'C.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const many = ['a.csv', 'b.csv', 'c.csv', 'd.csv'];

/** The example of a usage error: the text after "Example: " (or "示例："), split into arguments after `shequ`. */
function exampleOf(stderr: string, marker: string): string[] | undefined {
  const line = stderr.split('\n').find((text) => text.startsWith(marker));
  return line?.slice(marker.length).trim().split(/\s+/).slice(1);
}

describe('one positional argument too many', () => {
  it('names what the command takes, and its example does not take too many itself', async () => {
    let limited = 0;
    for (const command of COMMAND_NAMES) {
      if (command === 'help') continue;
      const run = await runMain([command, ...many], EN);
      if (!run.stderr.includes('(extra:')) continue; // takes any number of files
      limited++;
      expect(run.code, command).toBe(2);
      const example = exampleOf(run.stderr, 'Example: ');
      expect(example?.[0], run.stderr).toBe(command);
      const again = await runMain(example as string[], EN);
      expect(again.stderr, `${command}: ${example?.join(' ')}`).not.toContain('(extra:');
      expect(again.stderr, `${command}: ${example?.join(' ')}`).not.toMatch(/unknown schema/);
      const zh = await runMain([command, ...many], ZH);
      expect(zh.code).toBe(2);
      expect(exampleOf(zh.stderr, '示例：'), zh.stderr).toEqual(example);
    }
    expect(limited).toBeGreaterThanOrEqual(4); // validate, circle, schema, demo
  }, 120_000);

  it('demo takes none, schema one name, circle two files', async () => {
    const demo = await runMain(['demo', 'x.csv'], EN);
    expect(demo.stderr).toContain('shequ demo: takes no arguments');
    expect(demo.stderr).toContain('got 1 argument (extra');
    expect(demo.stderr).toContain('Example: shequ demo\n');
    expect((await runMain(['schema', 'statistics', 'dataset'], EN)).stderr).toContain(
      'Example: shequ schema dataset',
    );
    expect((await runMain(['circle', 'a.csv', 'b.csv', 'c.csv', '--crs', 'gcj02'], EN)).stderr).toContain(
      'Example: shequ circle 小区.csv 网点.csv --crs gcj02',
    );
  });
});
