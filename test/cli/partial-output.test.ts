import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutput } from '../../src/cli/output.js';
import {
  completeOutputFile,
  discardOutputsSince,
  outputFile,
  outputMark,
} from '../../src/cli/partial-output.js';
import { testTempDir } from '../helpers/temp-dir.js';

describe('outputFile', () => {
  it('writes a new target through a partial file beside it, renamed once complete', async () => {
    const folder = testTempDir('partial-output');
    const target = join(folder, 'out.json');
    const file = outputFile(target);
    expect(file.target).toBe(target);
    expect(file.path).not.toBe(target);
    expect(file.path.startsWith(join(folder, '.out.json.'))).toBe(true);
    writeFileSync(file.path, '[]\n');
    expect(existsSync(target)).toBe(false); // not there until complete
    await completeOutputFile(file);
    expect(readdirSync(folder)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('[]\n');
  });

  it('keeps an earlier result until the new one is complete, then replaces it with its permissions', async () => {
    const folder = testTempDir('partial-output');
    const target = join(folder, 'out.csv');
    writeFileSync(target, 'earlier');
    chmodSync(target, 0o600);
    const file = outputFile(target);
    writeFileSync(file.path, 'later');
    expect(readFileSync(target, 'utf8')).toBe('earlier');
    await completeOutputFile(file);
    expect(readFileSync(target, 'utf8')).toBe('later');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('writes in place what it cannot replace: a symbolic link, a device', () => {
    const folder = testTempDir('partial-output');
    const link = join(folder, 'link.json');
    symlinkSync(join(folder, 'elsewhere.json'), link);
    for (const target of [link, '/dev/null'])
      expect(outputFile(target)).toEqual({ path: target, target: undefined, mode: undefined });
  });
});

describe('discardOutputsSince', () => {
  it('removes the partial files opened after the mark and never completed — not earlier ones, nor the target', async () => {
    const folder = testTempDir('partial-output');
    const before = outputFile(join(folder, 'before.json'));
    writeFileSync(before.path, 'x');
    const mark = outputMark();
    const target = join(folder, 'kept.json');
    writeFileSync(target, 'earlier');
    const failed = outputFile(target);
    writeFileSync(failed.path, 'half');
    const done = outputFile(join(folder, 'done.json'));
    writeFileSync(done.path, 'whole');
    await completeOutputFile(done);
    discardOutputsSince(mark);
    expect(existsSync(failed.path)).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('earlier');
    expect(readFileSync(join(folder, 'done.json'), 'utf8')).toBe('whole');
    expect(existsSync(before.path)).toBe(true); // opened before the mark: another run's
    discardOutputsSince(mark - 1);
    expect(readdirSync(folder).sort()).toEqual(['done.json', 'kept.json']);
  });
});

describe('outputFile at the edges (review)', () => {
  it('writes a target whose name is near the 255-byte limit: the partial name is shortened, not ENAMETOOLONG', async () => {
    const folder = testTempDir('partial-output');
    for (const name of [`${'a'.repeat(251)}.csv`, `${'社'.repeat(83)}.csv`, `${'😀'.repeat(62)}.csv`]) {
      const target = join(folder, name);
      const file = outputFile(target);
      expect(Buffer.byteLength(basename(file.path))).toBeLessThanOrEqual(255);
      expect(basename(file.path).startsWith('.')).toBe(true);
      expect(basename(file.path)).not.toContain('\uFFFD'); // cut between whole characters
      writeFileSync(file.path, name);
      await completeOutputFile(file);
      expect(readFileSync(target, 'utf8')).toBe(name);
    }
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it('removes the partial file when it cannot be renamed over its target, and rejects', async () => {
    const folder = testTempDir('partial-output');
    const target = join(folder, 'out.json');
    const file = outputFile(target);
    writeFileSync(file.path, 'whole');
    mkdirSync(target); // the target became a folder with something in it: rename fails
    writeFileSync(join(target, 'inside'), 'x');
    await expect(completeOutputFile(file)).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['out.json']);
    discardOutputsSince(0);
    expect(readdirSync(folder)).toEqual(['out.json']);
  });
});

describe('openOutput over a planted partial name (review)', () => {
  it('never writes through a symbolic link or a file already at the partial name: the run fails, the victim is untouched', async () => {
    const folder = testTempDir('partial-output');
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'not yours');
    const target = join(folder, 'out.csv');
    // The name the next output would take if it were only the process id and a count (a shared folder's other user
    // can guess both), planted as a link to the victim, and as a file of its own (it could read the output).
    const guessed = join(folder, `.out.csv.${process.pid}-${outputMark() + 1}.partial`);
    symlinkSync(victim, guessed);
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    try {
      const output = openOutput(target, io as never);
      await output.write('the sensitive output\n');
      await output.close();
    } catch {
      // Refusing is fine; writing through the link is not.
    }
    expect(readFileSync(victim, 'utf8')).toBe('not yours');
    expect(lstatSync(guessed).isSymbolicLink()).toBe(true);
    const created = outputFile(join(folder, 'other.csv'));
    expect(created.path).not.toBe(join(folder, `.other.csv.${process.pid}-${outputMark()}.partial`));
    discardOutputsSince(0);
  });
});

describe('outputFile, special bits', () => {
  it('keeps the permission bits of the file it replaces, not its setuid, setgid or sticky bits', () => {
    const folder = testTempDir('partial-output');
    const target = join(folder, 'out.csv');
    writeFileSync(target, 'earlier');
    chmodSync(target, 0o6640);
    expect(outputFile(target).mode).toBe(0o640);
    discardOutputsSince(outputMark() - 1);
  });
});
