// What message templates could save in `validate` (docs/performance.md, "Session 11"): the two messages of 856 000
// findings of one rule, built as the rule builds them, then (1) only built, (2) built and written as the JSON byte
// writer writes a plain string (`writePlainText`, report/byte-output.ts, bundled from the source), (3) built and
// looked up in a map of their bytes, written once each. A template would save (2) at most: the building and the
// encoding. Standalone: node bench/message-encoding.mjs [findings] [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const findings = Number(process.argv[2] ?? 856_000);
const runs = Number(process.argv[3] ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'shequ-message-bench-'));
const bundle = join(dir, 'byte-output.mjs');
await build({
  entryPoints: [join(here, '..', 'src', 'report', 'byte-output.ts')],
  bundle: true,
  format: 'esm',
  outfile: bundle,
  logLevel: 'error',
});
const { ByteOutput, writePlainText } = await import(bundle);
rmSync(dir, { recursive: true, force: true });

// Values as the national run's per-100-households messages show them: one decimal, 0–300 (≈ 3 000 distinct).
let seed = 1;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};
const values = Array.from({ length: findings }, () => Math.floor(random() * 3000) / 10);

function run(kind) {
  const out = new ByteOutput(1 << 20);
  const memo = new Map();
  const minimum = 30;
  const start = performance.now();
  for (let i = 0; i < findings; i++) {
    const shown = values[i];
    const zh = `每百户综合服务设施面积 ${shown} 平方米，低于 ${minimum} 平方米`;
    const en = `${shown} m² of facility per 100 households, below ${minimum} m²`;
    if (out.used > 900_000) out.used = 0;
    for (const text of [zh, en]) {
      if (kind === 'built only') out.used += text.length & 1;
      else if (kind === 'built and encoded') writePlainText(out, text, 0x22, 0x5c, true);
      else {
        const known = memo.get(text);
        if (known !== undefined) out.copy(known);
        else {
          const from = out.used;
          writePlainText(out, text, 0x22, 0x5c, true);
          memo.set(text, out.bytes.slice(from, out.used));
        }
      }
    }
  }
  return performance.now() - start;
}

const kinds = ['built only', 'built and encoded', 'built, bytes from a map'];
const table = [];
for (let r = 0; r < runs; r++) {
  const row = { run: r + 1 };
  for (const kind of kinds) row[`${kind} ms`] = run(kind).toFixed(0);
  table.push(row);
}
console.log(`${findings} findings, two messages each`);
console.table(table);
