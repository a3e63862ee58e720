// The caller's callbacks (onProgress, onFinding) may be async functions: the job does not wait for the promise one
// returns, but a rejection of it must not go unhandled (Node ends the process). A rejection that comes before the job
// settles is kept, and the job rejects with it at its next check (between batches, and once the source is read); one
// that comes after the job has settled is caught and dropped: there is no job left to reject.

/** The rejections of the promises the caller's callbacks returned. */
export interface CallbackRejections {
  /** Watches what a callback returned: a promise (any thenable) that rejects is kept. */
  readonly watch: (returned: unknown) => void;
  /** Throws the first rejection kept, if any. */
  readonly check: () => void;
}

/**
 * A keeper of the rejections of the promises the caller's callbacks return.
 *
 * @example
 * ```ts
 * const rejections = createCallbackRejections();
 * rejections.watch(onProgress(progress)); // after each batch
 * rejections.check(); // between batches
 * ```
 */
export function createCallbackRejections(): CallbackRejections {
  let failed: { error: unknown } | undefined;
  return {
    watch: (returned) => {
      if (returned === undefined || returned === null) return;
      let then: unknown;
      try {
        then = (returned as { then?: unknown }).then;
      } catch (error) {
        failed ??= { error };
        return;
      }
      if (typeof then !== 'function') return;
      try {
        then.call(returned, undefined, (error: unknown) => {
          failed ??= { error };
        });
      } catch (error) {
        failed ??= { error };
      }
    },
    check: () => {
      if (failed !== undefined) throw failed.error;
    },
  };
}
