// Read-only views of the work state for tests, demos and the core's control API
// (`/_emulator/notable/...`): a sheet's rows with who wrote them, a user's project tasks, a user's
// todos. Plain data, safe to serialise as JSON.

import { WorkState, workStateOf } from './state.ts';

export interface SheetRow {
  id: string;
  fields: Record<string, unknown>;
  /** unionIds: the operator each write was made as. */
  createdBy: string;
  lastModifiedBy: string;
}

/**
 * Rows of a sheet, the base by id or name and the sheet by id or name; undefined when either is
 * unknown. Sees every base (the control API is the emulator's operator, not a DingTalk user).
 */
export function readSheetRows(work: unknown, base: string, sheet: string): SheetRow[] | undefined {
  const state = workStateOf(work);
  const found = state.baseById(base) ?? state.bases.find((b) => b.name === base);
  const rows = found ? WorkState.sheetOf(found, sheet) : undefined;
  return rows?.records.map((r) => ({ id: r.id, fields: { ...r.fields }, createdBy: r.createdBy, lastModifiedBy: r.lastModifiedBy }));
}

/** Project tasks a userId created or executes, with their project's name. */
export function userProjectTasks(work: unknown, userId: string): Array<{ taskId: string; project: string; content: string; executorId?: string; creatorId: string; dueDate?: string; isDone: boolean }> {
  return workStateOf(work).projects.flatMap((p) => p.tasks
    .filter((t) => t.creatorId === userId || t.executorId === userId)
    .map((t) => ({ taskId: t.taskId, project: p.name, content: t.content, executorId: t.executorId, creatorId: t.creatorId, dueDate: t.dueDate, isDone: t.isDone })));
}

/** Todos a unionId created, executes or takes part in. */
export function userTodos(work: unknown, unionId: string): Array<{ id: string; subject: string; done: boolean; dueTime?: number; creatorId: string }> {
  return workStateOf(work).todos
    .filter((t) => t.creatorId === unionId || t.executorIds.includes(unionId) || t.participantIds.includes(unionId))
    .map((t) => ({ id: t.id, subject: t.subject, done: t.done, dueTime: t.dueTime, creatorId: t.creatorId }));
}

/** Bases and sheets by name, for `warden emulator org` ("tables"). */
export function listTables(work: unknown): Array<{ baseId: string; base: string; sheets: string[]; access: Record<string, string> }> {
  return workStateOf(work).bases.map((b) => ({ baseId: b.id, base: b.name, sheets: b.sheets.map((s) => s.name), access: Object.fromEntries(b.access) }));
}
