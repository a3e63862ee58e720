// Compose shequ's code schemas into your own zod schema.
// Run: node examples/compose-schemas.mjs
import assert from 'node:assert/strict';
import { creditCodeSchema, divisionCodeSchema, idNumberSchema } from 'shequ';
import { z } from 'zod';

const propertyCompany = z.object({
  name: z.string(),
  creditCode: creditCodeSchema,
  community: divisionCodeSchema,
  manager: z.object({ idNumber: idNumberSchema }),
});

const ok = propertyCompany.safeParse({
  name: '示例物业服务有限公司',
  creditCode: '914403001922038216',
  community: '110101001001',
  manager: { idNumber: '11010519491231002X' },
});
assert.equal(ok.success, true);

const bad = propertyCompany.safeParse({
  name: 'x',
  creditCode: '914403001922038217',
  community: '1101',
  manager: { idNumber: '1' },
});
assert.equal(bad.success, false);
for (const issue of bad.error.issues)
  console.log(issue.path.join('.'), '→', issue.params?.shequCode ?? issue.code, issue.message);
