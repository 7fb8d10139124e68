// Teambition project-task routes (TEA project_1_0): search the operator's tasks, create a task in a
// project, read tasks by id, change content / due date / executor / note, move a task to a
// taskflow status (the `end` status completes it), list a project's taskflow statuses. `{userId}`
// in the path is the operator's DingTalk userId; only project members see or touch its tasks.

import type { Context, Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { admit, invalidArgs, jsonBody, pageOf } from './route-kit.ts';
import { workStateOf } from './state.ts';
import type { Project, ProjectTask, WorkState } from './state.ts';

const USER = '/v1.0/project/users/:userId';
const ROLES = ['creator', 'executor', 'involveMember'] as const;

function operator(c: Context, ctx: EmulatorContext, api: string): { state: WorkState; userId: string } | Response {
  const refused = admit(c, ctx, api);
  if (refused) return refused;
  const userId = c.req.param('userId') ?? '';
  if (!ctx.userByUserId(userId)) return ctx.error(c, 400, 'invalidRequest.userId.invalid', `The userId ${userId} is not a member of this organisation.`);
  return { state: workStateOf(ctx.org.work), userId };
}

function noPermission(c: Context, ctx: EmulatorContext, userId: string, what: string): Response {
  return ctx.error(c, 403, 'forbidden.operationIllegal', `The operator ${userId} has no permission on ${what}.`);
}

/** The task and its project when the operator is a member; DingTalk's refusal otherwise. */
function taskFor(c: Context, ctx: EmulatorContext, state: WorkState, userId: string): { project: Project; task: ProjectTask } | Response {
  const taskId = c.req.param('taskId');
  for (const project of state.projects) {
    const task = project.tasks.find((t) => t.taskId === taskId);
    if (!task) continue;
    return project.members.has(userId) ? { project, task } : noPermission(c, ctx, userId, `task ${taskId}`);
  }
  return ctx.error(c, 404, 'invalidRequest.task.notFound', `The task ${taskId} is not found.`);
}

function involveMembers(task: ProjectTask): string[] {
  return [...new Set([task.creatorId, task.executorId].filter((id): id is string => id !== undefined))];
}

export function taskView(task: ProjectTask): Record<string, unknown> {
  return { ...task, involveMembers: involveMembers(task), isArchived: false, visible: 'projectMembers' };
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function registerProjectRoutes(app: Hono, ctx: EmulatorContext): void {
  app.post(`${USER}/tasks/search`, (c) => {
    const op = operator(c, ctx, 'project.searchUserTask');
    if (op instanceof Response) return op;
    const roles = (c.req.query('roleTypes') ?? '').split(',').filter(Boolean);
    if (roles.length === 0 || !roles.every((r) => (ROLES as readonly string[]).includes(r))) {
      return c.req.query('roleTypes') ? invalidArgs(c, ctx, `roleTypes must be a comma list of ${ROLES.join(', ')}`) : ctx.error(c, 400, 'MissingroleTypes', 'roleTypes is mandatory for this action.');
    }
    // Only the `isDone = true|false` clause of TQL is understood; other TQL is refused, not ignored.
    const tql = (c.req.query('tql') ?? '').trim();
    const done = /^isDone\s*=\s*(true|false)$/.exec(tql);
    if (tql !== '' && !done) return invalidArgs(c, ctx, `tql: the emulator understands only "isDone = true|false", got ${tql}`);
    const tasks = op.state.projects.filter((p) => p.members.has(op.userId)).flatMap((p) => p.tasks).filter((t) => {
      if (done && String(t.isDone) !== done[1]) return false;
      return (roles.includes('creator') && t.creatorId === op.userId) || (roles.includes('executor') && t.executorId === op.userId)
        || (roles.includes('involveMember') && involveMembers(t).includes(op.userId));
    });
    const page = pageOf(c, ctx, tasks, c.req.query('maxResults'), c.req.query('nextToken'), 300);
    if (page instanceof Response) return page;
    return c.json({ requestId: crypto.randomUUID(), nextToken: page.nextToken, result: page.items.map(taskView) });
  });

  app.post(`${USER}/tasks`, async (c) => {
    const op = operator(c, ctx, 'project.createTask');
    if (op instanceof Response) return op;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    if (typeof body.projectId !== 'string' || body.projectId === '') return ctx.error(c, 400, 'MissingprojectId', 'projectId is mandatory for this action.');
    if (typeof body.content !== 'string' || body.content.trim() === '') return ctx.error(c, 400, 'Missingcontent', 'content is mandatory for this action.');
    const project = op.state.projectById(body.projectId);
    if (!project) return ctx.error(c, 404, 'invalidRequest.project.notFound', `The project ${body.projectId} is not found.`);
    if (!project.members.has(op.userId)) return noPermission(c, ctx, op.userId, `project ${project.name}`);
    if (body.executorId !== undefined && (typeof body.executorId !== 'string' || !project.members.has(body.executorId))) {
      return invalidArgs(c, ctx, `executorId ${String(body.executorId)} is not a member of project ${project.name}`);
    }
    for (const key of ['dueDate', 'startDate'] as const) if (body[key] !== undefined && !isDate(body[key])) return invalidArgs(c, ctx, `${key} must be an ISO 8601 date`);
    const now = op.state.isoNow();
    const task: ProjectTask = {
      taskId: op.state.newId('tsk'), projectId: project.projectId, content: body.content, note: typeof body.note === 'string' ? body.note : '',
      creatorId: op.userId, executorId: body.executorId as string | undefined, dueDate: body.dueDate as string | undefined,
      startDate: body.startDate as string | undefined, priority: typeof body.priority === 'number' ? body.priority : 0,
      taskflowStatusId: project.statuses[0]!.taskflowStatusId, isDone: false, created: now, updated: now,
    };
    project.tasks.push(task);
    const { isDone: _isDone, taskflowStatusId: _status, ...result } = taskView(task);
    return c.json({ result });
  });

  app.get(`${USER}/tasks`, (c) => {
    const op = operator(c, ctx, 'project.getTaskByIds');
    if (op instanceof Response) return op;
    const ids = (c.req.query('taskId') ?? '').split(',').filter(Boolean);
    if (ids.length === 0) return ctx.error(c, 400, 'MissingtaskId', 'taskId is mandatory for this action.');
    const visible = op.state.projects.filter((p) => p.members.has(op.userId)).flatMap((p) => p.tasks);
    return c.json({ result: visible.filter((t) => ids.includes(t.taskId)).map(taskView) });
  });

  const updates: Array<[string, keyof ProjectTask, (v: unknown) => boolean]> = [
    ['contents', 'content', (v) => typeof v === 'string' && v.trim() !== ''],
    ['dueDates', 'dueDate', isDate],
    ['executors', 'executorId', (v) => typeof v === 'string' && v !== ''],
    ['notes', 'note', (v) => typeof v === 'string'],
  ];
  for (const [segment, key, valid] of updates) {
    app.put(`${USER}/tasks/:taskId/${segment}`, async (c) => {
      const op = operator(c, ctx, `project.updateTask.${segment}`);
      if (op instanceof Response) return op;
      const found = taskFor(c, ctx, op.state, op.userId);
      if (found instanceof Response) return found;
      const body = await jsonBody(c, ctx);
      if (body instanceof Response) return body;
      const value = body[key];
      if (!valid(value)) return invalidArgs(c, ctx, `${key}: ${JSON.stringify(value)} is not a valid value`);
      if (key === 'executorId' && !found.project.members.has(value as string)) return invalidArgs(c, ctx, `executorId ${String(value)} is not a member of project ${found.project.name}`);
      (found.task as unknown as Record<string, unknown>)[key] = value;
      found.task.updated = op.state.isoNow();
      return c.json({ result: { [key]: value, updated: found.task.updated } });
    });
  }

  app.put(`${USER}/tasks/:taskId/taskflowStatuses`, async (c) => {
    const op = operator(c, ctx, 'project.updateTaskTaskflowstatus');
    if (op instanceof Response) return op;
    const found = taskFor(c, ctx, op.state, op.userId);
    if (found instanceof Response) return found;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    const status = found.project.statuses.find((s) => s.taskflowStatusId === body.taskflowStatusId);
    if (!status) return invalidArgs(c, ctx, `taskflowStatusId ${String(body.taskflowStatusId)} is not a status of project ${found.project.name}`);
    const now = op.state.isoNow();
    Object.assign(found.task, { taskflowStatusId: status.taskflowStatusId, isDone: status.kind === 'end', accomplishTime: status.kind === 'end' ? now : undefined, updated: now });
    return c.json({ result: { updated: now } });
  });

  app.get(`${USER}/projects/:projectId/taskflowStatuses/search`, (c) => {
    const op = operator(c, ctx, 'project.searchTaskflowStatus');
    if (op instanceof Response) return op;
    const project = op.state.projectById(c.req.param('projectId'));
    if (!project) return ctx.error(c, 404, 'invalidRequest.project.notFound', `The project ${c.req.param('projectId')} is not found.`);
    if (!project.members.has(op.userId)) return noPermission(c, ctx, op.userId, `project ${project.name}`);
    const query = c.req.query('query');
    const statuses = project.statuses.filter((s) => !query || s.name.includes(query));
    return c.json({ result: statuses.map((s) => ({ ...s, isDeleted: false, isTaskflowstatusruleexector: false, rejectStatusIds: [] })) });
  });
}
