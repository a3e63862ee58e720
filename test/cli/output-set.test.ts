import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutputSet } from '../../src/cli/output-set.js';
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
