import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WardenError } from '../../../../src/core/errors.ts';
import { parseWorkState, readSheetRows } from '../../../../src/emulator/dingtalk/work/index.ts';

test('an absent or empty section is an empty state', () => {
  for (const raw of [undefined, null, {}]) assert.deepEqual(parseWorkState(raw).bases, []);
});

const bad: Array<[string, unknown, RegExp]> = [
  ['access value', { notable: [{ name: 'b', access: { u1: 'owner' } }] }, /^notable\.0\.access\.u1: /],
  ['unknown key', { projects: [{ name: 'p', members: ['a'], colour: 'red' }] }, /^projects\.0: /],
  ['record field not in sheet', { notable: [{ name: 'b', sheets: [{ name: 's', fields: [{ name: 'a' }], records: [{ b: 1 }] }] }] }, /notable\.0\.sheets\.0\.records\.0: field "b"/],
  ['todo without owner', { todos: [{ subject: 's' }] }, /^todos\.0\.owner: /],
  ['not an object', 'work', /^\(the section itself\): /],
];
for (const [name, raw, message] of bad) {
  test(`rejects ${name} naming the key`, () => {
    assert.throws(() => parseWorkState(raw), (error: unknown) => error instanceof WardenError && error.code === 'config-invalid' && message.test(error.message));
  });
}

test('builds sheets with rows readable by name', () => {
  const state = parseWorkState({ notable: [{ id: 'b1', name: '库存', access: { u1: 'edit' }, sheets: [{ name: '货品', fields: [{ name: '名称' }, { name: '数量', type: 'number' }], records: [{ 名称: '螺丝', 数量: 10 }] }] }] });
  assert.deepEqual(readSheetRows(state, '库存', '货品')!.map((r) => [r.fields, r.createdBy]), [[{ 名称: '螺丝', 数量: 10 }, 'u1']]);
  assert.equal(readSheetRows(state, 'b1', 'nope'), undefined);
});
