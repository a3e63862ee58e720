// Code validation against the npm peers users reach for today, on the same inputs in one run:
// validateIdNumber vs validator's isIdentityCard(…, 'zh-CN'); validateCreditCode vs stdnum's stdnum.CN.uscc.validate.
import { validateCreditCode, validateIdNumber } from 'shequ';
import { stdnum } from 'stdnum';
import { Bench } from 'tinybench';
import validator from 'validator';
import { creditCodeInputs, idNumberInputs } from './code-inputs.mjs';

function countValid(inputs, isValid) {
  let valid = 0;
  for (let i = 0; i < inputs.length; i++) if (isValid(inputs[i])) valid++;
  return valid;
}

const CASES = [
  {
    what: 'ID numbers (GB 11643)',
    inputs: idNumberInputs,
    ours: ['shequ validateIdNumber', (id) => validateIdNumber(id).success],
    peer: ["validator isIdentityCard(…, 'zh-CN')", (id) => validator.isIdentityCard(id, 'zh-CN')],
    goal: 0.5,
  },
  {
    what: 'Credit codes (GB 32100)',
    inputs: creditCodeInputs,
    ours: ['shequ validateCreditCode', (code) => validateCreditCode(code).success],
    peer: ['stdnum CN.uscc.validate', (code) => stdnum.CN.uscc.validate(code).isValid],
    goal: 0.25,
  },
];

export async function benchCodes({ quick }) {
  const count = quick ? 10_000 : 1_000_000;
  const rows = [];
  for (const { what, inputs: make, ours, peer, goal } of CASES) {
    const inputs = make(count);
    const bench = new Bench({
      name: what,
      iterations: quick ? 2 : 10,
      time: 0,
      warmupIterations: quick ? 1 : 3,
    });
    const counts = {};
    for (const [name, isValid] of [ours, peer]) {
      bench.add(name, () => {
        counts[name] = countValid(inputs, isValid);
      });
    }
    await bench.run();
    const [mine, theirs] = bench.tasks.map((task) => task.result.latency.mean);
    rows.push({
      benchmark: what,
      inputs: count,
      'shequ ms': mine.toFixed(1),
      'peer ms': theirs.toFixed(1),
      'ratio shequ/peer': (mine / theirs).toFixed(3),
      goal: `≤ ${goal}`,
      'valid (shequ / peer)': `${counts[ours[0]]} / ${counts[peer[0]]}`,
      peer: peer[0],
    });
  }
  console.table(rows);
  return rows;
}
