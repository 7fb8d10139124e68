import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSheetRows, userProjectTasks, userTodos } from '../../../src/emulator/dingtalk/work/index.ts';
import { createDingtalkTools } from '../../../src/tools/dingtalk/index.ts';
import type { Tool, ToolContext, ToolPrincipal, ToolResult } from '../../../src/tools/types.ts';
import { DEMO, startWorkHarness } from '../../emulator/dingtalk/work/work-harness.ts';
import type { WorkHarness } from '../../emulator/dingtalk/work/work-harness.ts';

let h: WorkHarness;
let tools: Map<string, Tool>;
before(async () => {
  h = await startWorkHarness();
  tools = new Map(createDingtalkTools(h.api, { robotCode: h.org.app.robotCode }).map((t) => [t.name, t]));
});
after(async () => { await h.close(); });

const person = (p: { userId: string; unionId: string; name: string }, extra: Partial<ToolPrincipal> = {}): ToolPrincipal => ({ id: `dingtalk:${p.userId}`, ...p, ...extra });

async function run(name: string, args: Record<string, unknown>, principal: ToolPrincipal, progress: string[] = []): Promise<ToolResult> {
  const context = { principal, workspace: '/nonexistent', skills: new Map(), roleHosts: [], sandbox: undefined as never, signal: new AbortController().signal, progress: (t: string) => progress.push(t) } satisfies ToolContext;
  return tools.get(name)!.run(args, context);
}

describe('DingTalk tools', () => {
  test('the set: names, writes flags, JSON Schemas', () => {
    assert.deepEqual([...tools.keys()].sort(), [
      'dingtalk_notable_create_records', 'dingtalk_notable_delete_records', 'dingtalk_notable_list_bases', 'dingtalk_notable_list_sheets',
      'dingtalk_notable_query_records', 'dingtalk_notable_update_records', 'dingtalk_project_complete_task', 'dingtalk_project_create_task',
      'dingtalk_project_list_tasks', 'dingtalk_project_update_task', 'dingtalk_send_message', 'dingtalk_todo_complete', 'dingtalk_todo_create', 'dingtalk_todo_list',
    ]);
    const writers = [...tools.values()].filter((t) => t.writes).map((t) => t.name).sort();
    assert.deepEqual(writers, ['dingtalk_notable_create_records', 'dingtalk_notable_delete_records', 'dingtalk_notable_update_records', 'dingtalk_project_complete_task',
      'dingtalk_project_create_task', 'dingtalk_project_update_task', 'dingtalk_send_message', 'dingtalk_todo_complete', 'dingtalk_todo_create']);
    for (const tool of tools.values()) {
      assert.equal(tool.parameters.type, 'object', tool.name);
      assert.equal('$schema' in tool.parameters, false);
    }
    assert.equal(createDingtalkTools(h.api).some((t) => t.name === 'dingtalk_send_message'), false);
  });

  test('list bases, sheets and query records as a reader, with progress and paging hints', async () => {
    const progress: string[] = [];
    const bases = await run('dingtalk_notable_list_bases', { keyword: '销售' }, person(DEMO.li));
    assert.match(bases.content, new RegExp(`${DEMO.base} — 销售数据`));
    const sheets = await run('dingtalk_notable_list_sheets', { baseId: DEMO.base }, person(DEMO.li));
    assert.match(sheets.content, /Sheet 订单 .*金额 \(number\).*状态 \(singleSelect: 新建\|已付款\|已发货\)/);
    const page = await run('dingtalk_notable_query_records', { baseId: DEMO.base, sheet: '订单', maxResults: 2 }, person(DEMO.li), progress);
    assert.equal(page.ok, true);
    assert.deepEqual(progress, ['reading sheet 订单…']);
    const lines = page.content.split('\n').filter((l) => l.startsWith('{'));
    assert.equal(lines.length, 2);
    assert.equal(typeof JSON.parse(lines[0]!).客户, 'string');
    const token = /nextToken="([^"]+)"/.exec(page.content)![1]!;
    const rest = await run('dingtalk_notable_query_records', { baseId: DEMO.base, sheet: '订单', maxResults: 2, nextToken: token }, person(DEMO.li));
    assert.doesNotMatch(rest.content, /nextToken=/);
    const filtered = await run('dingtalk_notable_query_records', { baseId: DEMO.base, sheet: '订单', filter: { conditions: [{ field: '状态', operator: 'equal', value: ['新建'] }] } }, person(DEMO.li));
    assert.match(filtered.content, /^1 records/);
  });

  test('an editor writes records as themselves', async () => {
    const created = await run('dingtalk_notable_create_records', { baseId: DEMO.base, sheet: '订单', records: [{ fields: { 客户: '戊集团', 金额: 4200, 状态: '新建' } }] }, person(DEMO.zhang));
    assert.equal(created.ok, true, created.content);
    const id = (created.data!.ids as string[])[0]!;
    const row = () => readSheetRows(h.org.work, DEMO.base, '订单')!.find((r) => r.id === id);
    assert.equal(row()!.createdBy, DEMO.zhang.unionId);
    const updated = await run('dingtalk_notable_update_records', { baseId: DEMO.base, sheet: '订单', records: [{ id, fields: { 状态: '已付款' } }] }, person(DEMO.zhang));
    assert.equal(updated.ok, true);
    assert.equal(row()!.fields.状态, '已付款');
    const deleted = await run('dingtalk_notable_delete_records', { baseId: DEMO.base, sheet: '订单', recordIds: [id] }, person(DEMO.zhang));
    assert.equal(deleted.ok, true);
    assert.equal(row(), undefined);
  });

  test("a reader's write is DingTalk's permission error, said plainly, and nothing changes", async () => {
    const before = readSheetRows(h.org.work, DEMO.base, '订单')!.length;
    const result = await run('dingtalk_notable_create_records', { baseId: DEMO.base, sheet: '订单', records: [{ fields: { 客户: '己' } }] }, person(DEMO.li));
    assert.equal(result.ok, false);
    assert.match(result.content, /^DingTalk refused: you have no permission to do this \(forbidden\.operationIllegal: /);
    assert.equal(result.data!.code, 'forbidden.operationIllegal');
    assert.equal(readSheetRows(h.org.work, DEMO.base, '订单')!.length, before);
    const hidden = await run('dingtalk_notable_query_records', { baseId: DEMO.base, sheet: '订单' }, person(DEMO.customer));
    assert.match(hidden.content, /^DingTalk refused: that AI Table does not exist or you have no access to it \(invalidRequest\.document\.notFound/);
  });

  test('a principal without the needed id is refused before any call', async () => {
    const external = await run('dingtalk_notable_list_sheets', { baseId: DEMO.base }, { id: 'dingtalk:customer0001', userId: 'customer0001', name: '客户小陈', external: true });
    assert.equal(external.ok, false);
    assert.match(external.content, /has no DingTalk unionId/);
    const externalUser = await run('dingtalk_project_list_tasks', {}, person(DEMO.customer, { external: true }));
    assert.match(externalUser.content, /external contacts cannot use the work tools/);
  });

  test('arguments are validated with the path named', async () => {
    const result = await run('dingtalk_notable_query_records', { baseId: DEMO.base, sheet: '订单', maxResults: 500 }, person(DEMO.li));
    assert.equal(result.ok, false);
    assert.match(result.content, /^Invalid arguments for dingtalk_notable_query_records: maxResults: /);
    const update = await run('dingtalk_project_update_task', { taskId: 't' }, person(DEMO.zhang));
    assert.match(update.content, /give at least one of content/);
  });

  test('project tasks: list, create, update, complete as the requester', async () => {
    const listed = await run('dingtalk_project_list_tasks', { roles: ['executor'], done: false }, person(DEMO.zhang));
    assert.match(listed.content, /首页视觉稿/);
    assert.doesNotMatch(listed.content, /域名备案/);
    const created = await run('dingtalk_project_create_task', { projectId: DEMO.project, content: '上线检查', executorUserId: DEMO.zhang.userId, dueDate: '2026-12-30' }, person(DEMO.zhang));
    assert.equal(created.ok, true, created.content);
    const taskId = created.data!.taskId as string;
    const updated = await run('dingtalk_project_update_task', { taskId, content: '上线前检查', note: '含移动端' }, person(DEMO.zhang));
    assert.equal(updated.ok, true, updated.content);
    const done = await run('dingtalk_project_complete_task', { taskId }, person(DEMO.zhang));
    assert.equal(done.ok, true, done.content);
    const task = userProjectTasks(h.org.work, DEMO.zhang.userId).find((t) => t.taskId === taskId)!;
    assert.deepEqual([task.content, task.creatorId, task.isDone], ['上线前检查', DEMO.zhang.userId, true]);
  });

  test('todos: create, list, complete', async () => {
    const created = await run('dingtalk_todo_create', { subject: '准备季度汇报', due: '2026-12-28' }, person(DEMO.zhang));
    assert.equal(created.ok, true, created.content);
    const id = created.data!.taskId as string;
    const open = await run('dingtalk_todo_list', {}, person(DEMO.zhang));
    assert.match(open.content, new RegExp(`${id} — 准备季度汇报`));
    const done = await run('dingtalk_todo_complete', { taskId: id }, person(DEMO.zhang));
    assert.equal(done.ok, true);
    assert.equal(userTodos(h.org.work, DEMO.zhang.unionId).find((t) => t.id === id)!.done, true);
  });

  test('send a message on the requester\'s behalf', async () => {
    const toUser = await run('dingtalk_send_message', { toUserId: DEMO.li.userId, text: '明天十点开会' }, person(DEMO.zhang));
    assert.equal(toUser.ok, true, toUser.content);
    const both = await run('dingtalk_send_message', { toUserId: DEMO.li.userId, toConversationId: 'cidSalesGroup0001', text: 'x' }, person(DEMO.zhang));
    assert.match(both.content, /exactly one of toUserId or toConversationId/);
  });
});
