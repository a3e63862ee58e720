import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutputSet } from '../../src/cli/output-set.js';
import { discardOutputsSince } from '../../src/cli/partial-output.js';
import { testTempDir } from '../helpers/temp-dir.js';

/** Streams that keep what stderr was given, in a language. */
function streams(lang: 'zh' | 'en') {
  let stderr = '';
  return {
    streams: { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, lang },
    stderr: () => stderr,
  };
}

describe('createOutputSet', () => {
  it('removes the files it opened and names them, in the run’s language', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const dir = testTempDir('output-set');
      const io = streams(lang);
      const outputs = createOutputSet();
      const page = join(dir, 'r.html');
      const csv = join(dir, 'r.findings.csv');
      for (const path of [csv, page]) {
        const output = outputs.open(path, io.streams);
        await output.write('half');
        await output.close();
      }
      expect(readFileSync(page, 'utf8')).toBe('half');
      outputs.discard('report', io.streams);
      expect([existsSync(page), existsSync(csv)]).toEqual([false, false]);
      expect(io.stderr()).toBe(
        lang === 'en'
          ? `shequ report: the run failed before its output was complete; removed: ${csv}, ${page}\n`
          : `shequ report：运行失败，输出未写完；已删除：${csv}, ${page}\n`,
      );
    }
  });

  it('leaves what it never opened, names a symlink it cannot remove, says nothing when nothing was written', () => {
    const dir = testTempDir('output-set');
    const older = join(dir, 'r.indicators.csv');
    writeFileSync(older, 'older');
    const link = join(dir, 'full.csv');
    symlinkSync('/dev/null', link);
    const io = streams('en');
    const outputs = createOutputSet();
    outputs.claim(join(dir, 'never-written.csv'));
    outputs.claim(undefined);
    outputs.discard('report', io.streams);
    expect(io.stderr()).toBe('');
    outputs.claim(link);
    outputs.discard('report', io.streams);
    expect(io.stderr()).toBe(
      `shequ report: the run failed before its output was complete; could not remove (may be incomplete): ${link}\n`,
    );
    expect(readFileSync(older, 'utf8')).toBe('older');
    expect(existsSync(link)).toBe(true);
  });
});

describe('createOutputSet over an earlier report', () => {
  it('leaves the earlier files as they were when the run fails before any of its files is complete', async () => {
    const dir = testTempDir('output-set');
    const page = join(dir, 'r.html');
    const csv = join(dir, 'r.findings.csv');
    writeFileSync(page, 'earlier page');
    writeFileSync(csv, 'earlier findings');
    const io = streams('en');
    const outputs = createOutputSet();
    const output = outputs.open(csv, io.streams);
    await output.write('half of the new findings'); // the run fails here, before close
    outputs.discard('report', io.streams);
    discardOutputsSince(0); // what main does after: the partial file goes
    expect(readFileSync(page, 'utf8')).toBe('earlier page');
    expect(readFileSync(csv, 'utf8')).toBe('earlier findings');
    expect(readdirSync(dir).sort()).toEqual(['r.findings.csv', 'r.html']);
    expect(io.stderr()).toBe('');
  });

  it('removes every file of the run, earlier ones too, once one of its files replaced the earlier one', async () => {
    const dir = testTempDir('output-set');
    const page = join(dir, 'r.html');
    const csv = join(dir, 'r.findings.csv');
    writeFileSync(page, 'earlier page');
    const io = streams('en');
    const outputs = createOutputSet();
    const findings = outputs.open(csv, io.streams);
    await findings.write('new findings');
    await findings.close();
    const output = outputs.open(page, io.streams);
    await output.write('half of the new page'); // the run fails here
    outputs.discard('report', io.streams);
    discardOutputsSince(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(io.stderr()).toBe(
      `shequ report: the run failed before its output was complete; removed: ${csv}, ${page}\n`,
    );
  });
});
