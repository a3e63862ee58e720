/**
 * The language of the command line's help, usage errors, warnings and progress: `--lang zh|en`, else the locale of
 * the environment. This module is imported by the entry point: it must stay free of any import (start-up time).
 */

/** A language of the command line. */
export type Lang = 'zh' | 'en';

/** A message in both languages; the run picks one ({@link pick}). */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** The environment variables that choose the default language, most binding first (as POSIX locales do). */
export const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides —
 * `zh…` (zh_CN.UTF-8, zh_TW, zh) is Chinese, anything else (C, POSIX, en_US.UTF-8, de_DE) English; none set is
 * English. An empty variable counts as unset, as in POSIX.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of LOCALE_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') return /^zh(?:[_.@-]|$)/i.test(value) ? 'zh' : 'en';
  }
  return 'en';
}

/**
 * The language of a run: the last valid `--lang zh|en` (or `--lang=…`) before `--`, else the environment's. An
 * invalid value (`--lang fr`) is left to the command, which reports it as a usage error in the environment's language.
 */
export function langOfRun(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  let chosen: Lang | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'zh' || value === 'en') chosen = value;
  }
  return chosen ?? langFromEnv(env);
}

/** The message of a language; a plain string is the same in both. */
export function pick(text: Bilingual | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
