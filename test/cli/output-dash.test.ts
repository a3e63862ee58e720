import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandHelp } from '../../src/cli/main.js';
import { findIdNumbers, SAMPLE_ID } from '../helpers/id-leaks.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `-` for any option that names a file is never a file named '-'. The options of every command that take a FILE are
// read from its help; those that write one (given a path, a file appears there) are its outputs. Every way of sending
// them to standard output is tried: one output there (the main one by leaving out --out, or any other by `-`) gets
// exactly the bytes its file gets; two would be mixed in one stream and are a usage error (exit 2) in both
// languages. `--rejects -` wrote a file named '-', and so did `circle --uncovered -`.

const root = join(import.meta.dirname, '..', '..');
const data = join(root, 'examples', 'data');
const dir = useTempDir('output-dash');
const dash = join(process.cwd(), '-');
const EN = { LANG: 'C.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };

// Input with rejected rows (one holds an ID number: what reaches standard output is masked as the file is).
const units = join(dir, 'units-2025.csv');
writeFileSync(
  units,
  `${readFileSync(join(data, 'sample-units.csv'), 'utf8')}x,坏,村委会,1,是\n${SAMPLE_ID},某人,村委会,1,是\n`,
);
const estates = join(dir, 'estates.csv');
writeFileSync(
  estates,
  `${readFileSync(join(data, 'dongsi-estates.csv'), 'utf8')}坏点,abc,39.9,10,10,${SAMPLE_ID}\n`,
);
const services = join(data, 'dongsi-services.csv');

/** Each command that takes a FILE option: a command line writing its results to standard output, and their file. */
const COMMANDS: Readonly<Record<string, { readonly args: readonly string[]; readonly main: string }>> = {
  indicators: { args: ['indicators', units, '--format', 'csv'], main: 'main.csv' },
  validate: { args: ['validate', units, '--format', 'csv', '--fail-on', 'never'], main: 'main.csv' },
  evaluate: { args: ['evaluate', units, '--format', 'csv'], main: 'main.csv' },
  circle: { args: ['circle', estates, services, '--crs', 'gcj02', '--format', 'csv'], main: 'main.csv' },
  // The page is always a file: --out is required.
  report: { args: ['report', units, '--out', join(dir, 'page.html')], main: '' },
};

/** The options a command's help says take a FILE (in English; the Chinese help lists the same). */
async function fileOptions(command: string): Promise<string[]> {
  const help = (await commandHelp(command))?.en ?? '';
  return [...new Set([...help.matchAll(/^ {2}(--[a-z-]+) FILE\b/gm)].map((match) => match[1] as string))];
}

let runs = 0;
/** A fresh path for an output of one run. */
const fresh = (name: string) => join(dir, `${++runs}-${name.replace(/^-+/, '')}`);

/** The command line with the main output in a file (or on standard output) and each other output at `paths`. */
function commandLine(command: string, mainFile: string | undefined, paths: Readonly<Record<string, string>>) {
  const args = [...(COMMANDS[command]?.args ?? [])];
  if (mainFile !== undefined) args.push('--out', mainFile);
  for (const [option, path] of Object.entries(paths)) args.push(option, path);
  return args;
}

const noDashFile = () => expect(existsSync(dash), 'a file named - in the working folder').toBe(false);
// A run that took '-' for a file name leaves nothing behind.
afterEach(() => rmSync(dash, { force: true }));

describe('- for an option that names a file', () => {
  it('every command with a FILE option has a command line here', async () => {
    for (const command of COMMAND_NAMES)
      if ((await fileOptions(command)).length > 0) expect(Object.keys(COMMANDS)).toContain(command);
  });

  it('a FILE option given - never makes a file named -', async () => {
    for (const command of Object.keys(COMMANDS))
      for (const option of await fileOptions(command)) {
        const run = await runMain(commandLine(command, undefined, { [option]: '-' }), EN);
        noDashFile();
        expect(run.stderr, `${command} ${option} -`).not.toMatch(/\n\s+at /); // no stack trace
      }
  });

  for (const [command, { main }] of Object.entries(COMMANDS))
    it(`${command}: one output on standard output gets its file's bytes, two are a usage error`, async () => {
      // The outputs: the options that, given a path, write a file there.
      const outputs: string[] = [];
      for (const option of await fileOptions(command)) {
        if (option === '--out') continue;
        const path = fresh(option);
        await runMain(commandLine(command, main === '' ? undefined : fresh(main), { [option]: path }), EN);
        if (existsSync(path)) outputs.push(option);
      }
      expect(outputs).toEqual(
        {
          indicators: ['--rejects'],
          validate: ['--rejects'],
          report: ['--rejects'],
          circle: ['--rejects', '--uncovered'],
        }[command] ?? [],
      );
      // What each output holds when every one goes to a file.
      const mainFile = fresh(main || 'none');
      const files = Object.fromEntries(outputs.map((option) => [option, fresh(option)]));
      const reference = await runMain(commandLine(command, main === '' ? undefined : mainFile, files), EN);
      const bytes: Record<string, string> = Object.fromEntries(
        outputs.map((option) => [option, readFileSync(files[option] as string, 'utf8')]),
      );
      if (main !== '') bytes.main = readFileSync(mainFile, 'utf8');
      // Every subset of the outputs on standard output.
      const all = main === '' ? outputs : ['main', ...outputs];
      for (let mask = 0; mask < 1 << all.length; mask++) {
        const there = all.filter((_, i) => (mask & (1 << i)) !== 0);
        const paths = Object.fromEntries(
          outputs.map((option) => [option, there.includes(option) ? '-' : fresh(option)]),
        );
        const args = commandLine(
          command,
          main === '' || there.includes('main') ? undefined : fresh(main),
          paths,
        );
        const run = await runMain(args, EN);
        noDashFile();
        const label = `${command}: ${there.join(' + ') || 'nothing'} on standard output`;
        if (there.length > 1) {
          expect(run.code, label).toBe(2);
          expect(run.stdout, label).toBe('');
          expect(run.stderr, label).toMatch(
            /^shequ \S+: --[a-z]+ - asks for standard output, which already takes .+\n/,
          );
          const zh = await runMain(args, ZH);
          expect(zh.code, label).toBe(2);
          expect(zh.stderr, label).toMatch(/^shequ \S+：--[a-z]+ - 要写到标准输出，但.+已写到那里\n/);
          continue;
        }
        expect(run.code, `${label}: ${run.stderr}`).toBe(reference.code);
        expect(run.stdout, label).toBe(there.length === 0 ? '' : bytes[there[0] as string]);
        expect(findIdNumbers(run.stdout), label).toEqual([]);
      }
    });

  it('validate --format xlsx prints its summary on standard output: --rejects - is a usage error there', async () => {
    const args = ['validate', units, '--format', 'xlsx', '--out', fresh('w.xlsx'), '--rejects', '-'];
    const run = await runMain(args, EN);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rejects - asks for standard output, which already takes the summary');
    expect((await runMain(args, ZH)).stderr).toContain('--rejects - 要写到标准输出，但汇总已写到那里');
    noDashFile();
  });
});
