// Teambition project tasks as the requester (the path's {userId} is their DingTalk userId): list
// the tasks they create or execute, create a task in a project, change it, complete it (move it to
// its project's `end` taskflow status).

import { z } from 'zod';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { defineDingtalkTool, failure, moreHint, nextTokenArg, seg, success } from './tool-kit.ts';

const READ_SCOPE = 'Project.Task.Read.All';
const WRITE_SCOPE = 'Project.Task.Write.All';

interface Task { taskId: string; content: string; projectId?: string; executorId?: string; creatorId?: string; dueDate?: string; isDone?: boolean; note?: string }
interface Status { taskflowStatusId: string; kind?: string; name?: string }

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).describe('ISO 8601 date or date-time, e.g. 2026-12-15 or 2026-12-15T18:00:00+08:00.');
const toIso = (value: string): string => new Date(value).toISOString();

function taskLine(t: Task): string {
  const bits = [t.isDone ? 'done' : 'open', t.dueDate ? `due ${t.dueDate}` : undefined, t.executorId ? `executor ${t.executorId}` : undefined, t.projectId ? `project ${t.projectId}` : undefined];
  return `${t.taskId} — ${t.content} (${bits.filter(Boolean).join(', ')})`;
}

export function projectTools(api: DingtalkApi): Tool[] {
  return [
    defineDingtalkTool(api, {
      name: 'dingtalk_project_list_tasks', description: 'List your Teambition project tasks (ones you execute and/or created).',
      writes: false, operator: 'userId', scope: READ_SCOPE,
      args: z.strictObject({
        roles: z.array(z.enum(['executor', 'creator', 'involveMember'])).min(1).default(['executor', 'creator']),
        done: z.boolean().optional().describe('true: only finished tasks; false: only open ones; omit for both.'),
        maxResults: z.number().int().min(1).max(100).default(20), nextToken: nextTokenArg,
      }),
      async run(args, call) {
        call.progress('reading your project tasks…');
        const page = await call.api.request<{ result?: Task[]; nextToken?: string }>('POST', `/v1.0/project/users/${seg(call.operator)}/tasks/search`, {
          query: { roleTypes: args.roles.join(','), tql: args.done === undefined ? undefined : `isDone = ${args.done}`, maxResults: args.maxResults, nextToken: args.nextToken },
          idempotent: true, signal: call.context.signal,
        });
        const tasks = page.result ?? [];
        const content = tasks.length ? `Your tasks (taskId — content):\n${tasks.map(taskLine).join('\n')}` : 'You have no matching project tasks.';
        return success(content + moreHint(page.nextToken, 'tasks'), `${tasks.length} tasks`, { count: tasks.length });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_project_create_task', description: 'Create a task in a Teambition project you are a member of.',
      writes: true, operator: 'userId', scope: WRITE_SCOPE,
      args: z.strictObject({
        projectId: z.string().min(1), content: z.string().min(1).max(500).describe('The task title.'),
        executorUserId: z.string().min(1).optional().describe('DingTalk userId of who does it; omit for nobody yet.'),
        dueDate: isoDate.optional(), note: z.string().max(5000).optional(),
      }),
      async run(args, call) {
        call.progress(`creating task "${args.content}"…`);
        const done = await call.api.request<{ result?: Task }>('POST', `/v1.0/project/users/${seg(call.operator)}/tasks`, {
          body: { projectId: args.projectId, content: args.content, executorId: args.executorUserId, dueDate: args.dueDate && toIso(args.dueDate), note: args.note },
          idempotent: false, signal: call.context.signal,
        });
        const task = done.result;
        return success(task ? `Created task ${taskLine(task)}` : 'Created the task.', 'task created', { taskId: task?.taskId });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_project_update_task', description: 'Change a project task\'s title, due date, executor or note.',
      writes: true, operator: 'userId', scope: WRITE_SCOPE,
      args: z.strictObject({
        taskId: z.string().min(1), content: z.string().min(1).max(500).optional(), dueDate: isoDate.optional(),
        executorUserId: z.string().min(1).optional(), note: z.string().max(5000).optional(),
      }).refine((a) => a.content ?? a.dueDate ?? a.executorUserId ?? a.note, 'give at least one of content, dueDate, executorUserId, note'),
      async run(args, call) {
        const changes: Array<[string, string, string]> = [];
        if (args.content !== undefined) changes.push(['contents', 'content', args.content]);
        if (args.dueDate !== undefined) changes.push(['dueDates', 'dueDate', toIso(args.dueDate)]);
        if (args.executorUserId !== undefined) changes.push(['executors', 'executorId', args.executorUserId]);
        if (args.note !== undefined) changes.push(['notes', 'note', args.note]);
        const applied: string[] = [];
        for (const [segment, key, value] of changes) {
          call.progress(`updating task ${args.taskId} (${key})…`);
          await call.api.request('PUT', `/v1.0/project/users/${seg(call.operator)}/tasks/${seg(args.taskId)}/${segment}`, { body: { [key]: value }, idempotent: true, signal: call.context.signal });
          applied.push(`${key} = ${value}`);
        }
        return success(`Updated task ${args.taskId}: ${applied.join('; ')}`, `updated ${applied.length} field(s)`, { taskId: args.taskId });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_project_complete_task', description: 'Mark a project task as done.',
      writes: true, operator: 'userId', scope: WRITE_SCOPE,
      args: z.strictObject({ taskId: z.string().min(1) }),
      async run(args, call) {
        const user = seg(call.operator);
        call.progress(`completing task ${args.taskId}…`);
        const found = await call.api.request<{ result?: Task[] }>('GET', `/v1.0/project/users/${user}/tasks`, { query: { taskId: args.taskId }, idempotent: true, signal: call.context.signal });
        const task = found.result?.[0];
        if (!task?.projectId) return failure(`No task ${args.taskId} that you can see.`, 'task not found');
        if (task.isDone) return success(`Task ${args.taskId} (${task.content}) was already done.`, 'already done', { taskId: args.taskId });
        const statuses = await call.api.request<{ result?: Status[] }>('GET', `/v1.0/project/users/${user}/projects/${seg(task.projectId)}/taskflowStatuses/search`, { idempotent: true, signal: call.context.signal });
        const end = statuses.result?.find((s) => s.kind === 'end');
        if (!end) return failure(`Project ${task.projectId} has no "done" status to move task ${args.taskId} to.`, 'no end status');
        await call.api.request('PUT', `/v1.0/project/users/${user}/tasks/${seg(args.taskId)}/taskflowStatuses`, { body: { taskflowStatusId: end.taskflowStatusId }, idempotent: true, signal: call.context.signal });
        return success(`Task ${args.taskId} (${task.content}) is done (status ${end.name ?? end.taskflowStatusId}).`, 'task done', { taskId: args.taskId });
      },
    }),
  ];
}
