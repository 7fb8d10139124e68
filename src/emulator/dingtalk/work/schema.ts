// The org YAML's `work:` section (AI Table bases, projects, todos) and its parser. Errors are
// WardenError('config-invalid') naming the key path, what was found and what is expected.
//
//   work:
//     notable:
//       - name: 销售数据                  # a base (id optional: generated)
//         access: { <unionId>: edit, <unionId>: read }
//         sheets:
//           - name: 订单
//             fields: [{ name: 客户, type: text }, { name: 状态, type: singleSelect, options: [新建] }]
//             records: [{ 客户: 甲公司, 状态: 新建 }]
//     projects:
//       - name: 官网改版
//         members: [<userId>…]
//         tasks: [{ content: 首页设计, creator: <userId>, executor: <userId>, due: 2026-12-01, done: false }]
//     todos:
//       - { owner: <unionId>, subject: 提交周报, due: 2026-12-01, done: false }

import { z } from 'zod';
import { WardenError } from '../../../core/errors.ts';
import { WorkState } from './state.ts';
import type { NotableField, NotableFieldType, Project, TaskflowStatus } from './state.ts';

const id = z.string().min(1).max(128);
const fieldType = z.enum(['text', 'number', 'singleSelect', 'multipleSelect', 'date', 'checkbox', 'user']);
const dateish = z.union([z.string().min(1), z.date()]).transform((value) => new Date(value));

const sheetSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  fields: z.array(z.strictObject({ id: id.optional(), name: z.string().min(1), type: fieldType.default('text'), options: z.array(z.string()).optional() })).min(1),
  records: z.array(z.record(z.string(), z.unknown())).default([]),
});

const baseSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  workspace: z.string().min(1).default('AI表格'),
  access: z.record(id, z.enum(['read', 'edit'])).default({}),
  sheets: z.array(sheetSchema).default([]),
});

const taskSchema = z.strictObject({
  id: id.optional(),
  content: z.string().min(1),
  creator: id,
  executor: id.optional(),
  due: dateish.optional(),
  note: z.string().default(''),
  priority: z.number().int().default(0),
  done: z.boolean().default(false),
});

const projectSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1),
  members: z.array(id).min(1),
  tasks: z.array(taskSchema).default([]),
});

const todoSchema = z.strictObject({
  id: id.optional(),
  owner: id,
  subject: z.string().min(1).max(1024),
  description: z.string().default(''),
  due: dateish.optional(),
  done: z.boolean().default(false),
});

const workSchema = z.strictObject({
  notable: z.array(baseSchema).default([]),
  projects: z.array(projectSchema).default([]),
  todos: z.array(todoSchema).default([]),
});

type WorkInput = z.output<typeof workSchema>;

/** Parses the `work:` section (null or absent = empty) into a fresh state. */
export function parseWorkState(raw: unknown): WorkState {
  const parsed = workSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(the section itself)';
    throw new WardenError('config-invalid', `${where}: ${issue.message} (see the example at the top of src/emulator/dingtalk/work/schema.ts)`, { path: issue.path });
  }
  const state = new WorkState();
  buildBases(state, parsed.data);
  buildProjects(state, parsed.data);
  for (const todo of parsed.data.todos) {
    const created = state.now();
    state.todos.push({
      id: todo.id ?? state.newId('task'), ownerId: todo.owner, subject: todo.subject, description: todo.description,
      creatorId: todo.owner, executorIds: [todo.owner], participantIds: [], dueTime: todo.due?.getTime(),
      done: todo.done, createdTime: created, modifiedTime: created, finishTime: todo.done ? created : undefined,
    });
  }
  return state;
}

function buildBases(state: WorkState, input: WorkInput): void {
  input.notable.forEach((baseInput, b) => {
    const firstEditor = Object.entries(baseInput.access).find(([, access]) => access === 'edit')?.[0] ?? 'system';
    const base = {
      id: baseInput.id ?? state.newId('base'), name: baseInput.name, workspaceId: state.newId('ws'), workspaceName: baseInput.workspace,
      access: new Map(Object.entries(baseInput.access)), sheets: [] as WorkState['bases'][number]['sheets'],
    };
    baseInput.sheets.forEach((sheetInput, s) => {
      const fields: NotableField[] = sheetInput.fields.map((field) => ({
        id: field.id ?? state.newId('fld'), name: field.name, type: field.type as NotableFieldType,
        property: field.options ? { choices: field.options.map((name) => ({ name })) } : {},
      }));
      const names = new Set(fields.map((field) => field.name));
      const records = sheetInput.records.map((values, r) => {
        const unknown = Object.keys(values).find((key) => !names.has(key));
        if (unknown !== undefined) {
          throw new WardenError('config-invalid', `notable.${b}.sheets.${s}.records.${r}: field "${unknown}" is not one of the sheet's fields (${[...names].join(', ')})`);
        }
        const time = state.now();
        return { id: state.newId('rec'), fields: { ...values }, createdBy: firstEditor, lastModifiedBy: firstEditor, createdTime: time, lastModifiedTime: time };
      });
      base.sheets.push({ id: sheetInput.id ?? state.newId('sht'), name: sheetInput.name, fields, records });
    });
    state.bases.push(base);
  });
}

function buildProjects(state: WorkState, input: WorkInput): void {
  for (const projectInput of input.projects) {
    const taskflowId = state.newId('tf');
    const statuses: TaskflowStatus[] = (['start', 'unset', 'end'] as const).map((kind, pos) => ({
      taskflowStatusId: state.newId('tfs'), taskflowId, name: ['未开始', '进行中', '已完成'][pos]!, kind, pos,
    }));
    const project: Project = { projectId: projectInput.id ?? state.newId('prj'), name: projectInput.name, members: new Set(projectInput.members), statuses, tasks: [] };
    for (const task of projectInput.tasks) {
      const now = state.isoNow();
      project.tasks.push({
        taskId: task.id ?? state.newId('tsk'), projectId: project.projectId, content: task.content, note: task.note,
        creatorId: task.creator, executorId: task.executor, dueDate: task.due?.toISOString(), priority: task.priority,
        taskflowStatusId: statuses[task.done ? 2 : 0]!.taskflowStatusId, isDone: task.done,
        accomplishTime: task.done ? now : undefined, created: now, updated: now,
      });
    }
    state.projects.push(project);
  }
}
