/**
 * Whether the strings written under one key recur: both memories of the writers — the JSON text's string memo
 * (json-text.ts) and the rings of bytes (byte-output.ts `RecentBytes`) — pay only when they do. A finding's message is
 * new every time: hashing or copying it to remember it costs more than writing it again (≈ 18 % of `validate`'s time
 * on the national file, when the memo kept them).
 */

/** Lookups sampled before deciding. */
export const RECURRENCE_SAMPLE = 1024;

/**
 * A key's lookups counted until {@link RECURRENCE_SAMPLE}; then `rare` says whether fewer than a quarter found their
 * string (and stays so: the key's strings are no longer remembered).
 *
 * @example
 * ```ts
 * const sample = new RecurrenceSample();
 * for (let i = 0; i < 1024; i++) sample.record(i % 2 === 0);
 * sample.rare;
 * //=> false
 * ```
 */
export class RecurrenceSample {
  /** Decided after {@link RECURRENCE_SAMPLE} lookups: the strings rarely recur. */
  rare = false;
  private lookups = 0;
  private hits = 0;

  /**
   * Counts one lookup, until the sample is complete.
   *
   * @param found - whether the lookup found its string
   */
  record(found: boolean): void {
    if (this.lookups === RECURRENCE_SAMPLE) return;
    if (found) this.hits++;
    if (++this.lookups === RECURRENCE_SAMPLE) this.rare = this.hits * 4 < RECURRENCE_SAMPLE;
  }
}
