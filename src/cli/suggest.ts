/** Edit distance of two short words (Levenshtein: insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate a mistyped word most likely meant: the closest by edit distance, if it is close enough (at most a
 * third of the word's length, and at most 3 edits), or the only candidate the word is a prefix of.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > 40) return undefined;
  const lower = word.toLowerCase();
  const prefixed = candidates.filter((candidate) => candidate.startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(lower.length / 3)));
  for (const candidate of candidates) {
    const d = distance(lower, candidate);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
