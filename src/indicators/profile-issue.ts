import { createIssue, type Issue, type LocalizedText, type PathSegment } from '../core/issue.js';
import type { IndicatorProfileName } from './profiles.js';

// What every function that takes an indicator profile says of a value that is none: the value given (a name cut
// short: it is the caller's text; anything else by its type) and what it takes instead.

/** The built-in names, in INDICATOR_PROFILES's order (a record, so that the compiler sees every name listed). */
const BUILT_IN: Readonly<Record<IndicatorProfileName, true>> = { national: true, hebei: true, beijing: true };
// Functions, not constants computed at load: a bundle that never reports an unknown profile drops them.
const builtInNames = (): string[] => Object.keys(BUILT_IN);

/** A value given for a profile, as a message shows it. */
function shownProfile(profile: unknown): string {
  if (typeof profile === 'string') return profile.slice(0, 40);
  return profile === null ? 'null' : typeof profile;
}

/**
 * The message of a profile that is neither a built-in name nor a profile object.
 *
 * @example
 * ```ts
 * unknownProfileText('tianjin').en;
 * //=> 'Unknown indicator profile: tianjin (expected national, hebei, beijing or a profile object)'
 * ```
 */
export function unknownProfileText(profile: unknown): LocalizedText {
  const shown = shownProfile(profile);
  const names = builtInNames();
  return {
    zh: `未知的指标方案：${shown}（应为 ${names.join('、')} 之一或指标方案对象）`,
    en: `Unknown indicator profile: ${shown} (expected ${names.join(', ')} or a profile object)`,
  };
}

/** The `invalid_value` issue of a profile that is neither a built-in name nor a profile object, on `['profile']`. */
export function unknownProfileIssue(profile: unknown): Issue {
  return createIssue('invalid_value', unknownProfileText(profile), { path: ['profile'] });
}

/**
 * What a function that takes a profile object (not a name) asks for instead of a value that is none: the kind of
 * profile, the built-in objects, and the function that derives one.
 */
export interface ProfileObjects {
  /** `'指标方案'`, `'an indicator profile'`. */
  readonly kind: LocalizedText;
  /** The object that holds the built-in profiles (`INDICATOR_PROFILES`). */
  readonly holder: string;
  /** The names of the built-in profiles. */
  readonly names: () => readonly string[];
  /** The function that derives one. */
  readonly derive: string;
}

/** The indicator profiles' {@link ProfileObjects}. */
export const INDICATOR_PROFILE_OBJECTS: ProfileObjects = {
  kind: { zh: '指标方案', en: 'an indicator profile' },
  holder: 'INDICATOR_PROFILES',
  names: builtInNames,
  derive: 'deriveIndicatorProfile',
};

/**
 * The `invalid_value` issue of a value where a profile object is needed (a name is not one), on `path`: the value
 * given and the profile objects there are.
 */
export function notAProfileObjectIssue(
  profile: unknown,
  path: readonly PathSegment[],
  objects: ProfileObjects = INDICATOR_PROFILE_OBJECTS,
): Issue {
  const shown = shownProfile(profile);
  const { kind, holder, derive } = objects;
  const builtIn = objects.names().map((name) => `${holder}.${name}`);
  return createIssue(
    'invalid_value',
    {
      zh: `应为${kind.zh}对象（${builtIn.join('、')}，或 ${derive}、loadProfile 的结果），不是 ${shown}`,
      en: `Expected ${kind.en} object (${builtIn.join(', ')}, or one from ${derive} or loadProfile), not ${shown}`,
    },
    { path },
  );
}
