import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ByteOutput, RecentBytes } from '../../src/report/byte-output.js';

const encoder = new TextEncoder();

describe('RecentBytes', () => {
  it('finds the last eight strings remembered and forgets the oldest beyond them', () => {
    const recent = new RecentBytes();
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    for (const word of words) recent.remember(word, encoder.encode(word));
    expect(recent.find('a')).toBeUndefined(); // the ninth pushed it out
    for (const word of words.slice(1)) expect(recent.find(word)).toEqual(encoder.encode(word));
    expect(recent.find('z')).toBeUndefined();
  });

  // Few distinct strings: the ring fills, turns over and is searched for strings both in it and pushed out.
  test.prop([fc.array(fc.constantFrom(...'abcdefghijkl'.split('')), { maxLength: 60 })])(
    'gives for a string the bytes last remembered for it, or nothing — never another string’s',
    (strings) => {
      const recent = new RecentBytes();
      const model: string[] = []; // the strings remembered, newest last
      for (const value of strings) {
        const found = recent.find(value);
        const inRing = model.slice(-8).includes(value);
        if (found !== undefined) expect(new TextDecoder().decode(found)).toBe(value);
        // Found whenever it is among the last eight remembered (a find moves nothing out of the ring).
        expect(found !== undefined).toBe(inRing);
        if (found === undefined) {
          recent.remember(value, encoder.encode(value));
          model.push(value);
        }
      }
    },
  );
});

describe('RecentBytes.rememberWritten', () => {
  it('remembers what was just written for a string of up to 256 characters, not a longer one', () => {
    const recent = new RecentBytes();
    const out = new ByteOutput();
    for (const value of ['x'.repeat(256), 'y'.repeat(257)]) {
      const start = out.used;
      out.text(value);
      recent.rememberWritten(value, out, start);
    }
    expect(recent.find('x'.repeat(256))).toEqual(encoder.encode('x'.repeat(256)));
    expect(recent.find('y'.repeat(257))).toBeUndefined();
  });
});

describe('RecentBytes for strings that do not recur', () => {
  const writeAndRemember = (recent: RecentBytes, out: ByteOutput, value: string) => {
    if (recent.find(value) !== undefined) return;
    const start = out.used;
    out.text(value);
    recent.rememberWritten(value, out, start);
  };

  it('stops remembering after 1024 lookups of which fewer than a quarter found their string', () => {
    const recent = new RecentBytes();
    const out = new ByteOutput();
    // 1024 lookups, 255 of them found (every fourth string repeats the one before, but one): just under a quarter.
    for (let i = 0; i < 1024; i++)
      writeAndRemember(recent, out, i % 4 === 3 && i > 3 ? `s${i - 1}` : `s${i}`);
    recent.remember('again', encoder.encode('again'));
    expect(recent.find('again')).toBeUndefined();
    out.used = 0;
    out.text('later');
    recent.rememberWritten('later', out, 0);
    expect(recent.find('later')).toBeUndefined();
  });

  it('keeps remembering strings that recur, a quarter or more of the lookups', () => {
    const recent = new RecentBytes();
    const out = new ByteOutput();
    for (let i = 0; i < 2048; i++) writeAndRemember(recent, out, i % 4 === 3 ? `s${i - 1}` : `s${i}`);
    const start = out.used;
    out.text('later');
    recent.rememberWritten('later', out, start);
    expect(recent.find('later')).toEqual(encoder.encode('later'));
  });
});
