import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects an object nothing refers to any more, at once', async () => {
    const ref = (() => new WeakRef({ payload: new Uint8Array(1 << 20) }))();
    // A WeakRef's target is kept until the end of the job that made or read it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('keeps what is still referred to', async () => {
    const kept = { payload: new Uint8Array(16) };
    const ref = new WeakRef(kept);
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBe(kept);
  });
});
