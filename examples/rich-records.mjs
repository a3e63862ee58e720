// Hold a community's data in shequ's types, check a whole dataset, and derive the statistics row of each unit.
// Run: node examples/rich-records.mjs
import assert from 'node:assert/strict';
import { maskPerson, parseDataset, toUnitStatistics } from 'shequ';

const dataset = {
  asOf: '2025-12-31',
  regions: [{ code: '110101001', name: '东华门街道' }],
  units: [
    {
      code: '110101001001',
      name: '多福巷社区居委会',
      kind: 'community',
      households: 1520,
      organisations: {
        members: { ownersCommittee: { status: 'absent' }, propertyCompany: { status: 'present' } },
      },
      facilities: [{ kind: 'comprehensiveService', floorArea: 480.5, activityArea: 300.25 }],
      workers: [
        { name: '孙某', idNumber: '11010519491231002X', roles: ['communityWorker'], employment: 'fullTime' },
        { name: '周某', roles: ['communityWorker'], employment: 'publicWelfarePost' },
      ],
    },
  ],
};

const parsed = parseDataset(dataset);
assert.equal(parsed.success, true);
const row = toUnitStatistics(parsed.data.units[0]);
assert.equal(row.communityWorkers, 1); // 公益性岗位 is outside the 社区工作者 scope
console.log(row);
console.log('worker for display:', maskPerson(parsed.data.units[0].workers[0]).idNumber);

// A broken dataset: every problem, with its path.
const broken = parseDataset({ units: [{ ...dataset.units[0], households: -1 }, dataset.units[0]] });
assert.equal(broken.success, false);
for (const issue of broken.error.issues) console.log(issue.path.join('.'), '—', issue.message.zh);
