// DingTalk todos as the requester (every id a unionId; operatorId = the requester): create one,
// list their open or finished todos, mark one done.

import { z } from 'zod';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { defineDingtalkTool, moreHint, nextTokenArg, seg, success } from './tool-kit.ts';

interface Card { taskId: string; subject: string; dueTime?: number; isDone?: boolean }

export function todoTools(api: DingtalkApi): Tool[] {
  return [
    defineDingtalkTool(api, {
      name: 'dingtalk_todo_create', description: 'Create a DingTalk todo (待办) for yourself, optionally also assigned to colleagues.',
      writes: true, operator: 'unionId', scope: 'Todo.Todo.Write',
      args: z.strictObject({
        subject: z.string().min(1).max(1024), description: z.string().max(4096).optional(),
        due: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('ISO 8601 date or date-time.'),
        executorUnionIds: z.array(z.string().min(1)).max(50).optional().describe('unionIds of who should do it; default you.'),
      }),
      async run(args, call) {
        call.progress(`creating todo "${args.subject}"…`);
        const me = seg(call.operator);
        const todo = await call.api.request<{ id: string; subject: string }>('POST', `/v1.0/todo/users/${me}/tasks`, {
          query: { operatorId: call.operator },
          body: { subject: args.subject, description: args.description, dueTime: args.due ? Date.parse(args.due) : undefined, executorIds: args.executorUnionIds ?? [call.operator] },
          idempotent: false, signal: call.context.signal,
        });
        return success(`Created todo ${todo.id}: ${todo.subject}`, 'todo created', { taskId: todo.id });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_todo_list', description: 'List your DingTalk todos (open ones by default).',
      writes: false, operator: 'unionId', scope: 'Todo.Todo.Read',
      args: z.strictObject({ done: z.boolean().default(false).describe('true for finished todos.'), nextToken: nextTokenArg }),
      async run(args, call) {
        call.progress('reading your todos…');
        const page = await call.api.request<{ todoCards?: Card[]; nextToken?: string }>('POST', `/v1.0/todo/users/${seg(call.operator)}/org/tasks/query`, {
          body: { isDone: args.done, nextToken: args.nextToken }, idempotent: true, signal: call.context.signal,
        });
        const cards = page.todoCards ?? [];
        const lines = cards.map((t) => `${t.taskId} — ${t.subject}${t.dueTime ? ` (due ${new Date(t.dueTime).toISOString()})` : ''}`);
        const content = cards.length ? `Your ${args.done ? 'finished' : 'open'} todos (taskId — subject):\n${lines.join('\n')}` : `You have no ${args.done ? 'finished' : 'open'} todos.`;
        return success(content + moreHint(page.nextToken, 'todos'), `${cards.length} todos`, { count: cards.length });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_todo_complete', description: 'Mark one of your DingTalk todos as done.',
      writes: true, operator: 'unionId', scope: 'Todo.Todo.Write',
      args: z.strictObject({ taskId: z.string().min(1) }),
      async run(args, call) {
        call.progress(`completing todo ${args.taskId}…`);
        await call.api.request('PUT', `/v1.0/todo/users/${seg(call.operator)}/tasks/${seg(args.taskId)}`, {
          query: { operatorId: call.operator }, body: { done: true }, idempotent: true, signal: call.context.signal,
        });
        return success(`Todo ${args.taskId} is done.`, 'todo done', { taskId: args.taskId });
      },
    }),
  ];
}
