import { readFile } from 'node:fs/promises';
import type { IndicatorProfile, RuleProfile } from 'shequ';
import { echo, UsageError } from './context.js';
import { strictUtf8 } from './strict-utf8.js';

/** The profiles a data command runs with: built-in names, or the two halves of a loaded profile file. */
export interface CommandProfiles {
  readonly indicators: 'national' | 'hebei' | 'beijing' | IndicatorProfile;
  readonly rules: 'national' | 'hebei' | 'beijing' | RuleProfile;
  /** The id shown in reports. */
  readonly id: string;
}

/** At most this many issues of a profile file are printed: the first ones say what to fix first. */
const SHOWN_ISSUES = 10;

/**
 * `--profile NAME` or `--profile-file FILE` (not both): a file is read as UTF-8 and loaded with `loadProfile`; a file
 * that cannot be read or is not a valid profile is a usage error (exit 2) listing its issues with their JSON paths.
 */
export async function commandProfiles(
  command: string,
  values: Record<string, string | boolean | undefined>,
  name: 'national' | 'hebei' | 'beijing',
): Promise<CommandProfiles> {
  const file = values['profile-file'] as string | undefined;
  if (file === undefined) return { indicators: name, rules: name, id: name };
  if (values.profile !== undefined)
    throw new UsageError(
      {
        zh: `shequ ${command}：--profile 与 --profile-file 只能给出一个`,
        en: `shequ ${command}: give --profile or --profile-file, not both`,
      },
      {
        zh: '配置文件自己指明所基于的配置："extends": "hebei"。',
        en: 'A profile file names its base itself: "extends": "hebei".',
      },
    );
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(
      {
        zh: `shequ ${command}：无法读取 ${echo(file)}（${code}）`,
        en: `shequ ${command}: cannot read ${echo(file)} (${code})`,
      },
      { zh: '请检查 --profile-file 的路径。', en: 'Check the path of --profile-file.' },
    );
  }
  const text = strictUtf8(bytes);
  if (text === undefined)
    throw new UsageError(
      {
        zh: `shequ ${command}：${echo(file)} 不是 UTF-8 编码（配置文件是 JSON，应为 UTF-8）`,
        en: `shequ ${command}: ${echo(file)} is not UTF-8 (a profile file is JSON, which is UTF-8)`,
      },
      {
        zh: '请另存为 UTF-8（记事本：另存为，编码选 UTF-8）；见 docs/profiles.md。',
        en: 'Save it as UTF-8 (in Notepad: Save as, Encoding UTF-8); see docs/profiles.md.',
      },
    );
  const { loadProfile } = await import('shequ/standards');
  const loaded = loadProfile(text);
  if (!loaded.success) {
    const issues = loaded.error.issues;
    const shown = issues.slice(0, SHOWN_ISSUES);
    const more = issues.length - shown.length;
    const zh = shown.map((issue) => {
      const where = issue.line === undefined ? issue.path.join('.') || '（文件）' : `第 ${issue.line} 行`;
      return `  ${where}：${issue.message.zh}`;
    });
    // The English lines keep the Chinese message beside the English one, as before (scripts and tests read them).
    const en = shown.map((issue) => {
      const where = issue.line === undefined ? issue.path.join('.') || '(file)' : `line ${issue.line}`;
      return `  ${where}: ${issue.message.zh} / ${issue.message.en}`;
    });
    if (more > 0) {
      zh.push(`  …… 另有 ${more} 处`);
      en.push(`  … ${more} more`);
    }
    throw new UsageError(
      {
        zh: `shequ ${command}：${echo(file)} 不是有效的配置文件（${issues.length} 处问题）：\n${zh.join('\n')}`,
        en: `shequ ${command}: ${echo(file)} is not a valid profile (${issues.length} issues):\n${en.join('\n')}`,
      },
      {
        zh: "请对照 'shequ schema profile' 检查；见 docs/profiles.md。",
        en: "Check it against 'shequ schema profile'; see docs/profiles.md.",
      },
    );
  }
  return { indicators: loaded.data.indicators, rules: loaded.data.rules, id: loaded.data.id };
}
