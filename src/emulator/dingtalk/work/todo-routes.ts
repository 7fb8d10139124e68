// DingTalk todo routes (TEA todo_1_0): create, read, update (incl. `done`), delete a todo, and the
// organisation todo list query. Every id is a unionId: the path owner, `operatorId`, executors and
// participants. An operator sees and changes only todos they created, execute or take part in.

import type { Context, Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { admit, invalidArgs, jsonBody, pageOf, requireQuery } from './route-kit.ts';
import { workStateOf } from './state.ts';
import type { Todo, WorkState } from './state.ts';

const TASKS = '/v1.0/todo/users/:unionId/tasks';
const QUERY_PAGE = 50;

interface Caller {
  state: WorkState;
  owner: string;
  operatorId: string;
}

function caller(c: Context, ctx: EmulatorContext, api: string, needOperator: boolean): Caller | Response {
  const refused = admit(c, ctx, api);
  if (refused) return refused;
  const owner = c.req.param('unionId') ?? '';
  const operatorId = needOperator ? requireQuery(c, ctx, 'operatorId') : owner;
  if (operatorId instanceof Response) return operatorId;
  for (const id of new Set([owner, operatorId])) {
    if (!ctx.userByUnionId(id)) return ctx.error(c, 400, 'invalidRequest.unionId.invalid', `The unionId ${id} is not a member of this organisation.`);
  }
  if (operatorId !== owner) return ctx.error(c, 403, 'forbidden.operationIllegal', `The operator ${operatorId} may not act on the todos of ${owner}.`);
  return { state: workStateOf(ctx.org.work), owner, operatorId };
}

function involves(todo: Todo, unionId: string): boolean {
  return todo.creatorId === unionId || todo.executorIds.includes(unionId) || todo.participantIds.includes(unionId);
}

function todoFor(c: Context, ctx: EmulatorContext, who: Caller): Todo | Response {
  const todo = who.state.todos.find((t) => t.id === c.req.param('taskId'));
  if (!todo) return ctx.error(c, 404, 'invalidRequest.task.notFound', `The todo ${c.req.param('taskId')} is not found.`);
  return involves(todo, who.operatorId) ? todo : ctx.error(c, 403, 'forbidden.operationIllegal', `The operator ${who.operatorId} has no permission on todo ${todo.id}.`);
}

function view(todo: Todo): Record<string, unknown> {
  const { ownerId: _owner, ...rest } = todo;
  return { ...rest, modifierId: todo.creatorId, source: 'isv', requestId: crypto.randomUUID() };
}

/** Checks the writable fields a create or update may carry; returns the reason when one is wrong. */
function checkFields(body: Record<string, unknown>, ctx: EmulatorContext): string | undefined {
  if (body.subject !== undefined && (typeof body.subject !== 'string' || body.subject.trim() === '' || body.subject.length > 1024)) return 'subject must be 1 to 1024 characters';
  if (body.dueTime !== undefined && (typeof body.dueTime !== 'number' || !Number.isFinite(body.dueTime))) return 'dueTime must be epoch milliseconds';
  if (body.done !== undefined && typeof body.done !== 'boolean') return 'done must be true or false';
  for (const key of ['executorIds', 'participantIds'] as const) {
    const ids = body[key];
    if (ids === undefined) continue;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return `${key} must be an array of unionIds`;
    const stranger = ids.find((id) => !ctx.userByUnionId(id as string));
    if (stranger !== undefined) return `${key}: ${String(stranger)} is not a unionId of this organisation`;
  }
  return undefined;
}

export function registerTodoRoutes(app: Hono, ctx: EmulatorContext): void {
  app.post(TASKS, async (c) => {
    const who = caller(c, ctx, 'todo.createTodoTask', true);
    if (who instanceof Response) return who;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    if (body.subject === undefined) return ctx.error(c, 400, 'Missingsubject', 'subject is mandatory for this action.');
    const wrong = checkFields(body, ctx);
    if (wrong) return invalidArgs(c, ctx, wrong);
    const now = who.state.now();
    const todo: Todo = {
      id: who.state.newId('task'), ownerId: who.owner, subject: body.subject as string,
      description: typeof body.description === 'string' ? body.description : '', creatorId: who.operatorId,
      executorIds: (body.executorIds as string[] | undefined) ?? [who.operatorId], participantIds: (body.participantIds as string[] | undefined) ?? [],
      dueTime: body.dueTime as number | undefined, priority: typeof body.priority === 'number' ? body.priority : undefined,
      done: false, createdTime: now, modifiedTime: now,
    };
    who.state.todos.push(todo);
    return c.json(view(todo));
  });

  app.get(`${TASKS}/:taskId`, (c) => {
    const who = caller(c, ctx, 'todo.getTodoTask', false);
    if (who instanceof Response) return who;
    const todo = todoFor(c, ctx, who);
    return todo instanceof Response ? todo : c.json(view(todo));
  });

  app.put(`${TASKS}/:taskId`, async (c) => {
    const who = caller(c, ctx, 'todo.updateTodoTask', true);
    if (who instanceof Response) return who;
    const todo = todoFor(c, ctx, who);
    if (todo instanceof Response) return todo;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    const wrong = checkFields(body, ctx);
    if (wrong) return invalidArgs(c, ctx, wrong);
    for (const key of ['subject', 'description', 'dueTime', 'executorIds', 'participantIds'] as const) {
      if (body[key] !== undefined) (todo as unknown as Record<string, unknown>)[key] = body[key];
    }
    const now = who.state.now();
    if (typeof body.done === 'boolean') {
      todo.finishTime = body.done && !todo.done ? now : body.done ? todo.finishTime : undefined;
      todo.done = body.done;
    }
    todo.modifiedTime = now;
    return c.json({ result: true, requestId: crypto.randomUUID() });
  });

  app.delete(`${TASKS}/:taskId`, (c) => {
    const who = caller(c, ctx, 'todo.deleteTodoTask', true);
    if (who instanceof Response) return who;
    const todo = todoFor(c, ctx, who);
    if (todo instanceof Response) return todo;
    who.state.todos = who.state.todos.filter((t) => t !== todo);
    return c.json({ result: true, requestId: crypto.randomUUID() });
  });

  app.post('/v1.0/todo/users/:unionId/org/tasks/query', async (c) => {
    const who = caller(c, ctx, 'todo.queryOrgTodoTasks', false);
    if (who instanceof Response) return who;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    if (body.isDone !== undefined && typeof body.isDone !== 'boolean') return invalidArgs(c, ctx, 'isDone must be true or false');
    const mine = who.state.todos.filter((t) => involves(t, who.owner) && (body.isDone === undefined || t.done === body.isDone));
    const page = pageOf(c, ctx, mine, undefined, body.nextToken, QUERY_PAGE);
    if (page instanceof Response) return page;
    return c.json({
      nextToken: page.nextToken,
      todoCards: page.items.map((t) => ({
        taskId: t.id, subject: t.subject, dueTime: t.dueTime, priority: t.priority, createdTime: t.createdTime,
        modifiedTime: t.modifiedTime, creatorId: t.creatorId, isDone: t.done, bizTag: 'isv', sourceId: undefined,
      })),
    });
  });
}
