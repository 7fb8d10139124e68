import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSheetRows } from '../../../../src/emulator/dingtalk/work/index.ts';
import { DEMO, startWorkHarness } from './work-harness.ts';
import type { WorkHarness } from './work-harness.ts';

let h: WorkHarness;
before(async () => { h = await startWorkHarness(); });
after(async () => { await h.close(); });

const sheet = (operator: string, suffix = '') => `/v1.0/notable/bases/${DEMO.base}/sheets/${encodeURIComponent('订单')}${suffix}?operatorId=${operator}`;

describe('notable routes', () => {
  test('sheets and fields for a reader', async () => {
    const sheets = await h.call('GET', `/v1.0/notable/bases/${DEMO.base}/sheets?operatorId=${DEMO.li.unionId}`);
    assert.equal(sheets.status, 200);
    assert.deepEqual((sheets.body.value as Array<{ name: string }>).map((s) => s.name), ['订单']);
    const fields = await h.call('GET', sheet(DEMO.li.unionId, '/fields'));
    assert.deepEqual((fields.body.value as Array<{ name: string; type: string }>).map((f) => `${f.name}:${f.type}`), ['客户:text', '金额:number', '状态:singleSelect']);
  });

  const refusals: Array<[string, string, string, unknown, number, string]> = [
    ['no operatorId', 'GET', `/v1.0/notable/bases/${DEMO.base}/sheets`, undefined, 400, 'MissingoperatorId'],
    ['no access (customer)', 'GET', sheet(DEMO.customer.unionId, '/records'), undefined, 404, 'invalidRequest.document.notFound'],
    ['unknown base', 'GET', `/v1.0/notable/bases/nope/sheets?operatorId=${DEMO.zhang.unionId}`, undefined, 404, 'invalidRequest.document.notFound'],
    ['reader writes', 'POST', sheet(DEMO.li.unionId, '/records'), { records: [{ fields: { 客户: 'x' } }] }, 403, 'forbidden.operationIllegal'],
    ['reader deletes', 'POST', sheet(DEMO.li.unionId, '/records/delete'), { recordIds: ['r'] }, 403, 'forbidden.operationIllegal'],
    ['unknown sheet', 'GET', `/v1.0/notable/bases/${DEMO.base}/sheets/nosheet/records?operatorId=${DEMO.zhang.unionId}`, undefined, 404, 'invalidRequest.sheet.notFound'],
    ['unknown field', 'POST', sheet(DEMO.zhang.unionId, '/records'), { records: [{ fields: { 电话: '1' } }] }, 400, 'invalidRequest.inputArgs.invalid'],
    ['number field given text', 'POST', sheet(DEMO.zhang.unionId, '/records'), { records: [{ fields: { 金额: 'many' } }] }, 400, 'invalidRequest.inputArgs.invalid'],
    ['bad filter operator', 'POST', sheet(DEMO.zhang.unionId, '/records/list'), { filter: { conditions: [{ field: '金额', operator: 'like', value: [1] }] } }, 400, 'invalidRequest.inputArgs.invalid'],
    ['made-up nextToken', 'POST', sheet(DEMO.zhang.unionId, '/records/list'), { nextToken: 'abc' }, 400, 'invalidRequest.inputArgs.invalid'],
    ['maxResults over 100', 'POST', sheet(DEMO.zhang.unionId, '/records/list'), { maxResults: 101 }, 400, 'invalidRequest.inputArgs.invalid'],
    ['update unknown record', 'PUT', sheet(DEMO.zhang.unionId, '/records'), { records: [{ id: 'nope', fields: { 客户: 'x' } }] }, 404, 'invalidRequest.record.notFound'],
  ];
  for (const [name, method, path, body, status, code] of refusals) {
    test(`refused: ${name}`, async () => {
      const answer = await h.call(method, path, body);
      assert.equal(answer.status, status);
      assert.equal(answer.body.code, code);
      assert.equal(typeof answer.body.requestid, 'string');
    });
  }

  test('bad token is InvalidAuthentication', async () => {
    const answer = await h.call('GET', sheet(DEMO.zhang.unionId, '/records'), undefined, 'forged');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 'InvalidAuthentication');
  });

  test('paging walks every record once', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const answer = await h.call('POST', sheet(DEMO.li.unionId, '/records/list'), { maxResults: 2, nextToken });
      assert.equal(answer.status, 200);
      const records = answer.body.records as Array<{ id: string }>;
      assert.ok(records.length <= 2);
      seen.push(...records.map((r) => r.id));
      nextToken = answer.body.nextToken as string | undefined;
      assert.equal(answer.body.hasMore, nextToken !== undefined);
      pages += 1;
    } while (nextToken);
    assert.equal(pages, 2);
    assert.equal(new Set(seen).size, readSheetRows(h.org.work, DEMO.base, '订单')!.length);
  });

  test('filter and field projection', async () => {
    const answer = await h.call('POST', sheet(DEMO.li.unionId, '/records/list'), {
      filter: { combination: 'and', conditions: [{ field: '金额', operator: 'greater', value: [10000] }, { field: '状态', operator: 'notEqual', value: ['新建'] }] },
      fieldIdOrNames: ['客户'],
    });
    const records = answer.body.records as Array<{ fields: Record<string, unknown> }>;
    assert.deepEqual(records.map((r) => r.fields), [{ 客户: '甲公司' }, { 客户: '丙科技' }]);
  });

  test('editor inserts, updates and deletes as themselves', async () => {
    const inserted = await h.call('POST', sheet(DEMO.zhang.unionId, '/records'), { records: [{ fields: { 客户: '丁公司', 金额: 5000, 状态: '新建' } }] });
    assert.equal(inserted.status, 200);
    const id = (inserted.body.value as Array<{ id: string }>)[0]!.id;
    let row = readSheetRows(h.org.work, DEMO.base, '订单')!.find((r) => r.id === id)!;
    assert.equal(row.createdBy, DEMO.zhang.unionId);
    const updated = await h.call('PUT', sheet(DEMO.manager.unionId, '/records'), { records: [{ id, fields: { 状态: '已付款' } }] });
    assert.equal(updated.status, 200);
    row = readSheetRows(h.org.work, DEMO.base, '订单')!.find((r) => r.id === id)!;
    assert.deepEqual([row.fields.状态, row.fields.客户, row.lastModifiedBy], ['已付款', '丁公司', DEMO.manager.unionId]);
    const one = await h.call('GET', sheet(DEMO.li.unionId, `/records/${id}`));
    assert.deepEqual(one.body.createdBy, { unionId: DEMO.zhang.unionId });
    const deleted = await h.call('POST', sheet(DEMO.zhang.unionId, '/records/delete'), { recordIds: [id] });
    assert.deepEqual(deleted.body, { success: true });
    assert.equal(readSheetRows(h.org.work, DEMO.base, '订单')!.some((r) => r.id === id), false);
  });

  test('doc search finds only bases the operator can open', async () => {
    const mine = await h.call('GET', `/v1.0/doc/docs?operatorId=${DEMO.li.unionId}&keyword=${encodeURIComponent('销售')}&maxResults=10`);
    assert.deepEqual((mine.body.docs as Array<{ nodeBO: { nodeId: string } }>).map((d) => d.nodeBO.nodeId), [DEMO.base]);
    const theirs = await h.call('GET', `/v1.0/doc/docs?operatorId=${DEMO.customer.unionId}&keyword=${encodeURIComponent('销售')}&maxResults=10`);
    assert.deepEqual(theirs.body.docs, []);
    const noKeyword = await h.call('GET', `/v1.0/doc/docs?operatorId=${DEMO.li.unionId}&maxResults=10`);
    assert.equal(noKeyword.body.code, 'Missingkeyword');
  });
});
