import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createUnitRegistry,
  ELSEWHERE,
  FIRST_TIME,
  type PackedUnits,
  unitCodeText,
} from '../../src/indicators/unit-registry.js';

// The units of one year an accumulator has counted (bits per township, first positions in arrays): it answers as a
// plain map of code → first position does, whatever the codes, their order and how parts of it are joined.

/** 12-digit codes from a few townships (so that bitmaps are shared) and villages 000–999, the edges included. */
const code = fc
  .tuple(
    fc.constantFrom('130123100', '130123101', '110105001', '999999999', '000000001'),
    fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, 31, 32, 999)),
  )
  .map(([township, village]) => `${township}${String(village).padStart(3, '0')}`);

/** What a plain map says: first position of each code, FIRST_TIME for a new one. */
function model(rows: readonly [string, number][]): { answers: number[]; first: Map<string, number> } {
  const first = new Map<string, number>();
  const answers = rows.map(([text, position]) => {
    const seen = first.get(text);
    if (seen !== undefined) return seen;
    first.set(text, position);
    return FIRST_TIME;
  });
  return { answers, first };
}

describe('a unit registry', () => {
  test.prop([fc.array(fc.tuple(code, fc.nat(1_000_000)), { maxLength: 300 })])(
    'claims as a map does: FIRST_TIME for a new code, else the position it was first claimed at',
    (rows) => {
      const registry = createUnitRegistry();
      const { answers, first } = model(rows);
      expect(rows.map(([text, position]) => registry.claim(text, position))).toEqual(answers);
      expect(registry.size).toBe(first.size);
      for (const [text, position] of first) expect(registry.find(Number(text))).toBe(position);
      const packed = registry.packed();
      expect([...packed.codes].map(unitCodeText)).toEqual([...first.keys()]);
      expect([...packed.positions]).toEqual([...first.values()]);
    },
  );

  test.prop([
    fc.array(fc.tuple(code, fc.nat(1000)), { maxLength: 120 }),
    fc.array(fc.tuple(code, fc.nat(1000)), { maxLength: 120 }),
    fc.nat(5000),
  ])(
    'parts joined: shared finds the codes both hold; absorbing the rest equals claiming in order',
    (a, b, shift) => {
      const first = createUnitRegistry();
      for (const [text, position] of a) first.claim(text, position);
      const second = createUnitRegistry();
      for (const [text, position] of b) second.claim(text, position);
      const units = second.packed();
      const held = new Set(a.map(([text]) => text));
      expect(first.shared(units).map(unitCodeText)).toEqual(
        [...units.codes].map(unitCodeText).filter((text) => held.has(text)),
      );
      // The codes not shared, absorbed at their shifted positions: as if the second part's rows had come after.
      const kept: PackedUnits = {
        codes: units.codes.filter((value) => !held.has(unitCodeText(value))),
        positions: units.positions.filter((_, i) => !held.has(unitCodeText(units.codes[i] as number))),
      };
      first.absorb(kept, shift);
      const whole = createUnitRegistry();
      for (const [text, position] of a) whole.claim(text, position);
      for (const [text, position] of b) if (!held.has(text)) whole.claim(text, position + shift);
      expect(first.packed()).toEqual(whole.packed());
    },
  );

  it('leaves out of what it packs the codes recorded at ELSEWHERE, and claims nothing that is not 12 digits', () => {
    const registry = createUnitRegistry();
    registry.absorb({ codes: Float64Array.of(130123100201), positions: Float64Array.of(ELSEWHERE) }, 0);
    expect(registry.claim('130123100201', 7)).toBe(ELSEWHERE);
    expect(registry.claim('130123100202', 8)).toBe(FIRST_TIME);
    expect(registry.claim('13012310020', 9)).toBe(FIRST_TIME);
    expect(registry.claim('13012310020x', 9)).toBe(FIRST_TIME);
    expect(registry.claim('13012310020x', 10)).toBe(FIRST_TIME);
    expect([...registry.packed().codes]).toEqual([130123100202]);
    expect(registry.find(130123100203)).toBe(FIRST_TIME);
  });

  it('grows past its first arrays (many townships, many units)', () => {
    const registry = createUnitRegistry();
    for (let t = 0; t < 300; t++)
      for (let v = 1; v <= 20; v++)
        registry.claim(`13${String(t).padStart(7, '0')}${String(v).padStart(3, '0')}`, t * 20 + v);
    expect(registry.size).toBe(6000);
    expect(registry.claim('130000299020', 1)).toBe(299 * 20 + 20);
    expect(registry.claim('130000000001', 1)).toBe(1);
  });
});
