import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { userProjectTasks, userTodos } from '../../../../src/emulator/dingtalk/work/index.ts';
import { DEMO, startWorkHarness } from './work-harness.ts';
import type { WorkHarness } from './work-harness.ts';

let h: WorkHarness;
before(async () => { h = await startWorkHarness(); });
after(async () => { await h.close(); });

describe('project routes', () => {
  test('search by role and done state, paged', async () => {
    const open = await h.call('POST', `/v1.0/project/users/${DEMO.zhang.userId}/tasks/search?roleTypes=executor&tql=${encodeURIComponent('isDone = false')}`);
    assert.deepEqual((open.body.result as Array<{ content: string }>).map((t) => t.content), ['首页视觉稿', '产品页文案']);
    const paged = await h.call('POST', `/v1.0/project/users/${DEMO.manager.userId}/tasks/search?roleTypes=creator&maxResults=2`);
    assert.equal((paged.body.result as unknown[]).length, 2);
    assert.equal(typeof paged.body.nextToken, 'string');
    const missing = await h.call('POST', `/v1.0/project/users/${DEMO.zhang.userId}/tasks/search`);
    assert.equal(missing.body.code, 'MissingroleTypes');
  });

  test('create, update and complete a task; outsiders are refused', async () => {
    const created = await h.call('POST', `/v1.0/project/users/${DEMO.zhang.userId}/tasks`, { projectId: DEMO.project, content: '联系摄影师', executorId: DEMO.zhang.userId });
    assert.equal(created.status, 200);
    const taskId = (created.body.result as { taskId: string }).taskId;
    const outsider = await h.call('PUT', `/v1.0/project/users/${DEMO.customer.userId}/tasks/${taskId}/contents`, { content: 'x' });
    assert.equal(outsider.status, 403);
    assert.equal(outsider.body.code, 'forbidden.operationIllegal');
    const renamed = await h.call('PUT', `/v1.0/project/users/${DEMO.zhang.userId}/tasks/${taskId}/contents`, { content: '联系摄影师并确认档期' });
    assert.equal((renamed.body.result as { content: string }).content, '联系摄影师并确认档期');
    const statuses = await h.call('GET', `/v1.0/project/users/${DEMO.zhang.userId}/projects/${DEMO.project}/taskflowStatuses/search`);
    const end = (statuses.body.result as Array<{ kind: string; taskflowStatusId: string }>).find((s) => s.kind === 'end')!;
    await h.call('PUT', `/v1.0/project/users/${DEMO.zhang.userId}/tasks/${taskId}/taskflowStatuses`, { taskflowStatusId: end.taskflowStatusId });
    assert.equal(userProjectTasks(h.org.work, DEMO.zhang.userId).find((t) => t.taskId === taskId)!.isDone, true);
  });

  test('bad input is DingTalk-shaped', async () => {
    const noProject = await h.call('POST', `/v1.0/project/users/${DEMO.zhang.userId}/tasks`, { content: 'x' });
    assert.equal(noProject.body.code, 'MissingprojectId');
    const badDate = await h.call('POST', `/v1.0/project/users/${DEMO.zhang.userId}/tasks`, { projectId: DEMO.project, content: 'x', dueDate: 'soon' });
    assert.equal(badDate.body.code, 'invalidRequest.inputArgs.invalid');
    const unknown = await h.call('PUT', `/v1.0/project/users/${DEMO.zhang.userId}/tasks/none/notes`, { note: 'x' });
    assert.equal(unknown.status, 404);
  });
});

describe('todo routes', () => {
  test('create, list, complete as the owner', async () => {
    const base = `/v1.0/todo/users/${DEMO.li.unionId}/tasks`;
    const created = await h.call('POST', `${base}?operatorId=${DEMO.li.unionId}`, { subject: '整理客户名单', dueTime: Date.parse('2026-12-01T00:00:00Z') });
    assert.equal(created.status, 200);
    assert.equal(created.body.creatorId, DEMO.li.unionId);
    const id = created.body.id as string;
    const listed = await h.call('POST', `/v1.0/todo/users/${DEMO.li.unionId}/org/tasks/query`, { isDone: false });
    assert.ok((listed.body.todoCards as Array<{ taskId: string }>).some((t) => t.taskId === id));
    const done = await h.call('PUT', `${base}/${id}?operatorId=${DEMO.li.unionId}`, { done: true });
    assert.deepEqual(done.body.result, true);
    assert.equal(userTodos(h.org.work, DEMO.li.unionId).find((t) => t.id === id)!.done, true);
  });

  test('refusals', async () => {
    const zhangTodo = userTodos(h.org.work, DEMO.zhang.unionId)[0]!;
    const noOperator = await h.call('POST', `/v1.0/todo/users/${DEMO.li.unionId}/tasks`, { subject: 'x' });
    assert.equal(noOperator.body.code, 'MissingoperatorId');
    const asSomeoneElse = await h.call('POST', `/v1.0/todo/users/${DEMO.zhang.unionId}/tasks?operatorId=${DEMO.li.unionId}`, { subject: 'x' });
    assert.equal(asSomeoneElse.status, 403);
    const notTheirs = await h.call('PUT', `/v1.0/todo/users/${DEMO.li.unionId}/tasks/${zhangTodo.id}?operatorId=${DEMO.li.unionId}`, { done: true });
    assert.equal(notTheirs.body.code, 'forbidden.operationIllegal');
    const noSubject = await h.call('POST', `/v1.0/todo/users/${DEMO.li.unionId}/tasks?operatorId=${DEMO.li.unionId}`, {});
    assert.equal(noSubject.body.code, 'Missingsubject');
    const tooLong = await h.call('POST', `/v1.0/todo/users/${DEMO.li.unionId}/tasks?operatorId=${DEMO.li.unionId}`, { subject: 'x'.repeat(1025) });
    assert.equal(tooLong.body.code, 'invalidRequest.inputArgs.invalid');
  });
});
