import type { IndicatorProfile, RuleProfile } from 'shequ';
import { type CallerFileKind, problemList, readCallerText } from './caller-file.js';
import { echo, UsageError } from './context.js';

/** The profiles a data command runs with: built-in names, or the two halves of a loaded profile file. */
export interface CommandProfiles {
  readonly indicators: 'national' | 'hebei' | 'beijing' | IndicatorProfile;
  readonly rules: 'national' | 'hebei' | 'beijing' | RuleProfile;
  /** The id shown in reports. */
  readonly id: string;
}

/** A profile file, as the messages about it name it. */
const PROFILE_FILE: CallerFileKind = {
  name: { zh: '配置文件', en: 'the profile file' },
  expected: {
    zh: "应为 JSON 配置文件（见 'shequ schema profile' 与 docs/profiles.md）；请检查 --profile-file 的路径。",
    en: "A JSON profile (see 'shequ schema profile' and docs/profiles.md); check the path of --profile-file.",
  },
  saveAsUtf8: {
    zh: '请另存为 UTF-8（记事本：另存为，编码选 UTF-8）；见 docs/profiles.md。',
    en: 'Save it as UTF-8 (in Notepad: Save as, Encoding UTF-8); see docs/profiles.md.',
  },
};

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
  const text = await readCallerText(command, file, PROFILE_FILE);
  const { loadProfile } = await import('shequ/standards');
  const loaded = loadProfile(text);
  if (!loaded.success) {
    const issues = loaded.error.issues;
    const list = problemList(
      issues.map((issue) => ({
        where:
          issue.line === undefined
            ? { zh: issue.path.join('.') || '（文件）', en: issue.path.join('.') || '(file)' }
            : { zh: `第 ${issue.line} 行`, en: `line ${issue.line}` },
        message: issue.message,
      })),
      SHOWN_ISSUES,
    );
    throw new UsageError(
      {
        zh: `shequ ${command}：${echo(file)} 不是有效的配置文件（${issues.length} 处问题）：\n${list.zh}`,
        en: `shequ ${command}: ${echo(file)} is not a valid profile (${issues.length} issues):\n${list.en}`,
      },
      {
        zh: "请对照 'shequ schema profile' 检查；见 docs/profiles.md。",
        en: "Check it against 'shequ schema profile'; see docs/profiles.md.",
      },
    );
  }
  return { indicators: loaded.data.indicators, rules: loaded.data.rules, id: loaded.data.id };
}
