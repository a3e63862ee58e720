import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { profileAndDate, progressLine, progressReporter, withLang } from '../../src/cli/context.js';
import { type Lang, LOCALE_VARIABLES, langFromEnv, langOfRun } from '../../src/cli/lang.js';
import { COMMAND_NAMES } from '../../src/cli/main.js';
import { runMain } from '../helpers/run-main.js';

// The command line in both languages, run in-process (test/dist/cli-lang.test.ts checks the built command).
const shequ = (args: readonly string[], env: Record<string, string> = {}) => runMain(args, env);

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'C.UTF-8' };
const HAN = /\p{Script=Han}/u;
/** The options a help text names (`--out`, `--lang`), sorted. */
const optionsNamed = (help: string) => [...new Set(help.match(/--[a-z][a-z-]*/g) ?? [])].sort();

describe('the default language comes from the environment', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG decide; zh… is Chinese, anything else English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LANG: 'zh_TW.Big5' })).toBe('zh');
    expect(langFromEnv({ LANG: 'zh' })).toBe('zh');
    expect(langFromEnv({ LANG: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'POSIX' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'zu_ZA.UTF-8' })).toBe('en'); // Zulu is not Chinese
    expect(langFromEnv({ LANG: 'zhx' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' })).toBe('zh'); // empty = unset
  });

  const locale = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('', 'C', 'C.UTF-8', 'POSIX', 'en_US.UTF-8', 'zh_CN.UTF-8', 'zh_TW', 'zh', 'de_DE'),
  );
  test.prop([locale, locale, locale])('the first set variable alone decides', (all, messages, lang) => {
    const env: Record<string, string | undefined> = { LC_ALL: all, LC_MESSAGES: messages, LANG: lang };
    const first = LOCALE_VARIABLES.map((name) => env[name]).find(
      (value) => value !== undefined && value !== '',
    );
    expect(langFromEnv(env)).toBe(first?.startsWith('zh') === true ? 'zh' : 'en');
  });

  it('--lang overrides the environment; an invalid value or one after -- does not', () => {
    expect(langOfRun(['indicators', 'x.csv', '--lang', 'en'], ZH)).toBe('en');
    expect(langOfRun(['--lang=zh', 'schema'], EN)).toBe('zh');
    expect(langOfRun(['check-code', '--lang', 'fr'], ZH)).toBe('zh');
    expect(langOfRun(['check-code', '--', '--lang', 'zh'], EN)).toBe('en');
  });
});

describe('every command has its help in both languages', () => {
  it('the list of commands is the one the tool help shows, in both languages', async () => {
    expect(COMMAND_NAMES.length).toBeGreaterThanOrEqual(7);
    const zh = await shequ(['--help'], ZH);
    const en = await shequ(['--help'], EN);
    expect(zh.stdout).toContain('用法：shequ <命令>');
    expect(en.stdout).toContain('Usage: shequ <command>');
    for (const name of COMMAND_NAMES) {
      expect(zh.stdout).toMatch(new RegExp(`\\n  ${name} `));
      expect(en.stdout).toMatch(new RegExp(`\\n  ${name} `));
    }
    // The rule of the default is said in the help.
    for (const text of [zh.stdout, en.stdout])
      for (const name of LOCALE_VARIABLES) expect(text).toContain(name);
  });

  // A new command without a Chinese help (or with options the Chinese help does not name) fails here.
  for (const name of COMMAND_NAMES)
    it(`shequ ${name} --help, -h and shequ help ${name}, in Chinese and English`, async () => {
      const zh = await shequ([name, '--help'], ZH);
      const en = await shequ([name, '--help'], EN);
      expect(zh).toMatchObject({ code: 0, stderr: '' });
      expect(en).toMatchObject({ code: 0, stderr: '' });
      expect(zh.stdout.startsWith(`用法：shequ ${name}`)).toBe(true);
      expect(en.stdout.startsWith(`Usage: shequ ${name}`)).toBe(true);
      expect(zh.stdout).toContain('显示本帮助');
      expect(en.stdout).not.toMatch(/用法|选项：|显示本帮助/);
      expect(optionsNamed(zh.stdout)).toEqual(optionsNamed(en.stdout));
      expect(optionsNamed(en.stdout)).toContain('--lang');
      // Every way of asking gives the same text; --lang wins over the environment.
      expect((await shequ([name, '-h'], ZH)).stdout).toBe(zh.stdout);
      expect((await shequ(['help', name], ZH)).stdout).toBe(zh.stdout);
      expect((await shequ(['--help', name], ZH)).stdout).toBe(zh.stdout);
      expect((await shequ(['help', '--lang', 'zh', name], EN)).stdout).toBe(zh.stdout);
      expect((await shequ([name, '--help', '--lang', 'en'], ZH)).stdout).toBe(en.stdout);
    });

  it('an unknown help topic is the unknown-command error, in each language', async () => {
    expect(await shequ(['help', 'indicatros'], EN)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'indicatros'; did you mean 'indicators'?"),
    });
    expect(await shequ(['help', 'indicatros'], ZH)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("未知命令 'indicatros'；是否想用 'indicators'？"),
    });
  });
});

describe('usage errors in both languages, with the same exit code', () => {
  // [arguments, a phrase of the English message, a phrase of the Chinese one]
  const cases: [string[], string, string][] = [
    [['indicatros'], "did you mean 'indicators'?", "是否想用 'indicators'？"],
    [
      ['indicators', 'x.csv', '--profil', 'hebei'],
      "unknown option '--profil'; did you mean --profile?",
      '是否想用 --profile？',
    ],
    [['indicators', 'x.csv', '--format', 'jsn'], '--format must be one of', '--format 应为'],
    [
      ['indicators', 'x.csv', '--as-of', '2025-13-45'],
      '--as-of must be a date YYYY-MM-DD',
      '--as-of 应为 YYYY-MM-DD',
    ],
    [['indicators', 'x.csv', '--workers', '0'], 'a whole number from 1 to 256', '1 到 256 之间的整数'],
    // Several files make one series (issue 15); --rejects still lists the rejected rows of one file at a time.
    [['indicators', 'x.csv', 'y.csv', '--rejects', 'r.csv'], 'one FILE at a time', '一次只能用于一个文件'],
    [['indicators', 'x.csv', '--series', '--format', 'xlsx', '--out', 's.xlsx'], 'not xlsx', '不输出 xlsx'],
    [['evaluate', 'x.csv', '--year', '25'], '--year takes a year', '--year 应为'],
    [['indicators'], 'give a CSV or .xlsx file', '请给出一个 CSV 或 .xlsx 文件'],
    [['indicators', 'x.csv', '--profile', 'hebei', '--profile-file', 'p.json'], 'not both', '只能给出一个'],
    [['indicators', 'x.csv', '--out', 'x.csv'], 'name the same file', '指向同一个文件'],
    [['validate', 'x.csv', '--fail-on', 'sometimes'], '--fail-on must be one of', '--fail-on 应为'],
    [['report', 'x.csv'], '--out FILE is required', '必须给出 --out FILE'],
    [['circle', 'a.csv'], 'give two files', '请给出两个文件'],
    [['circle', 'a.csv', 'b.csv', '--walk', 'far'], '--walk takes a number', '--walk 应为数字'],
    [['circle', 'a.csv', 'b.csv', '--kinds', ','], '--kinds names no kind', '--kinds 没有给出任何类型'],
    [['check-code'], 'give one or more codes', '请给出一个或多个代码'],
    [
      ['check-code', '--format', 'xml', '1'],
      '--format must be one of table, json',
      '--format 应为 table、json 之一',
    ],
    [['schema', 'nope'], "unknown schema 'nope'", "未知的 schema 'nope'"],
    [['schema', '--lang', 'fr'], '--lang must be one of zh, en', '--lang 应为 zh、en 之一'],
  ];
  for (const [args, en, zh] of cases)
    it(`shequ ${args.join(' ')}`, async () => {
      const inEnglish = await shequ(args, EN);
      const inChinese = await shequ(args, ZH);
      expect(inEnglish.code).toBe(2);
      expect(inChinese.code).toBe(2);
      expect(inEnglish.stderr).toContain(en);
      expect(inChinese.stderr).toContain(zh);
      expect(inChinese.stderr).not.toContain(en);
      // Two lines, message and hint, each in the run's language.
      expect(inChinese.stderr.trimEnd().split('\n').length).toBe(
        inEnglish.stderr.trimEnd().split('\n').length,
      );
      expect(inChinese.stderr.split('\n')[1]).toMatch(HAN);
      expect(inEnglish.stdout).toBe('');
      expect(inChinese.stdout).toBe('');
    });

  // Whatever the arguments, the language changes the words only: never the exit code or standard output.
  const word = fc.constantFrom(
    'indicators',
    'validate',
    'schema',
    'check-code',
    'circle',
    'x.csv',
    '--format',
    'json',
    'jsn',
    '--as-of',
    '2025-12-31',
    '--profile',
    'hebei',
    '--nope',
    '--help',
    'help',
  );
  test.prop([fc.array(word, { maxLength: 5 })], { numRuns: 60 })(
    'the same exit code and output in both languages',
    async (args) => {
      const inEnglish = await shequ(args, EN);
      const inChinese = await shequ(args, ZH);
      expect(inChinese.code).toBe(inEnglish.code);
      if (!args.some((arg) => arg === '--help' || arg === 'help') && args[0] !== undefined)
        expect(inChinese.stdout).toBe(inEnglish.stdout);
    },
    60_000, // each run loads commands: slow on a busy machine, never asserted
  );
});

describe('warnings and progress follow the language', () => {
  it('the warning of a date outside every plan period', () => {
    const zh = profileAndDate('indicators', { 'as-of': '2031-01-01' }, 'zh').warning;
    const en = profileAndDate('indicators', { 'as-of': '2031-01-01' }, 'en').warning;
    expect(zh).toContain('shequ indicators：警告：--as-of 2031-01-01 晚于十五五');
    expect(en).toContain(
      'shequ indicators: warning: --as-of 2031-01-01 is after the 15th Five-Year Plan period',
    );
    expect(zh).not.toContain('warning');
  });

  it('the progress line, worked by hand: 5 000 rows in 2 s', () => {
    expect(progressLine(5000, 2, 'zh')).toBe('\r已读取 5000 行  每秒 2500 行  2.0 秒');
    expect(progressLine(5000, 2, 'en')).toBe('\rrows read: 5000  2500/s  2.0s');
  });

  function reporter(lang: Lang | undefined, isTTY: boolean) {
    let written = '';
    let time = 1000;
    const base = {
      stdout: { write: () => undefined },
      stderr: { write: (t: string) => (written += t), isTTY },
    };
    const progress = progressReporter(lang === undefined ? base : withLang(base, lang), () => time);
    return {
      tick: (rows: number, at: number) => {
        time = at;
        progress.tick(rows);
      },
      done: () => progress.done(),
      written: () => written,
    };
  }

  it('on a terminal: at most one line per 250 ms, in the run language; off a terminal: nothing', () => {
    const zh = reporter('zh', true);
    zh.tick(100, 1000);
    zh.tick(200, 1100); // within 250 ms: not shown
    zh.tick(3000, 2000);
    zh.done();
    expect(zh.written()).toBe(
      '\r已读取 100 行  每秒 100000 行  0.0 秒\r已读取 3000 行  每秒 3000 行  1.0 秒\n',
    );
    const en = reporter(undefined, true); // no language set: English
    en.tick(3000, 2000);
    expect(en.written()).toBe('\rrows read: 3000  3000/s  1.0s');
    const pipe = reporter('zh', false);
    pipe.tick(3000, 2000);
    pipe.done();
    expect(pipe.written()).toBe('');
  });
});
