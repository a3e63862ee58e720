// Shares of a CPU profile by stage, for docs/performance.md: `node --cpu-prof --cpu-prof-dir=DIR dist/cli/index.js
// indicators FILE --format json --out …`, then `node bench/profile-shares.mjs DIR` (the main thread's profile: the
// largest file in DIR). Stages are recognised by function and file names of the built package; what no stage claims
// is listed as "other" with its top functions, so nothing is hidden.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAGES = [
  [
    'module load',
    (f, u) =>
      /compileSourceTextModule|compileForInternalLoader|executeUserEntryPoint/.test(f) || u.includes('esm/'),
  ],
  ['file reading', (f, u) => f === 'read' && u === ''],
  ['decode', (f) => f === 'decode'],
  [
    'batches and line counts of ranges',
    (f) => /^(readSource|countingLines|count|streamUnitStatisticsBatches|runMicrotasks)$/.test(f),
  ],
  [
    'CSV parse',
    (f) => /^(feed|push|finishRecord|endField|append|recover|overflow|region|byteClasses|joined)$/.test(f),
  ],
  [
    'row conversion and checks',
    (f) =>
      /^(rowOf|readRecord|record|eventsOf|countCell|areaCell|flagCell|codeCell|textCell|kindCell|rowFitsKind|lineRow|acceptedRowOf|withExtra|convertByteCell|textOfCell|readPlainAt|rowRulesHold|valuesFitKind|holdsTogether)$/.test(
        f,
      ) || /Cell$/.test(f),
  ],
  ['accumulate', (f) => /^(accumulateRow|add|addRow|slotOf|townshipKey|placeRow|readField|sink)$/.test(f)],
  [
    'roll-up and rows',
    (f) => /^(regionRows|rowsFromSums|rollUp|rowsOf|figuresByLevel|progressOf|statusOf)$/.test(f),
  ],
  [
    'JSON text',
    (f) =>
      /^(objectText|valueText|numberText|stringText|memoString|keyText|constantText|arrayText|writeJsonArray|writePlainString|writePlainNumber|writeDigits|writeObject|writeValue|writeString|writeConstant|plainKeys|shapeOf|copy|writeRowsAsBytes)$/.test(
        f,
      ),
  ],
  [
    'UTF-8 encode and write',
    (f) =>
      /^(encodeInto|write|writeGeneric|writeOrBuffer|_write|createFromString|writeBuffer|put|writeBytes)$/.test(
        f,
      ),
  ],
  ['garbage collection', (f) => f === '(garbage collector)'],
  ['idle (waiting for workers or the disk)', (f) => f === '(idle)'],
];

const dir = process.argv[2];
const file = readdirSync(dir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .map((name) => join(dir, name))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(id, (self.get(id) ?? 0) + dt);
});
const shares = new Map(STAGES.map(([name]) => [name, 0]));
const other = new Map();
for (const [id, time] of self) {
  const { functionName, url } = nodes.get(id).callFrame;
  const stage = STAGES.find(([, test]) => test(functionName || '(anon)', url));
  if (stage !== undefined) shares.set(stage[0], shares.get(stage[0]) + time);
  else {
    const key = `${functionName || '(anon)'} ${url.split('/').slice(-1)[0]}`;
    other.set(key, (other.get(key) ?? 0) + time);
  }
}
const otherTotal = [...other.values()].reduce((a, b) => a + b, 0);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [name, time] of [...shares, ['other', otherTotal]].sort((a, b) => b[1] - a[1]))
  console.log(
    `${((100 * time) / total).toFixed(1).padStart(5)} %  ${(time / 1000).toFixed(0).padStart(5)} ms  ${name}`,
  );
console.log('other, the largest:');
for (const [name, time] of [...other].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`        ${(time / 1000).toFixed(0).padStart(5)} ms  ${name}`);
