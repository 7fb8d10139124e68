// The emulated organisation's work data: AI Table (Notable) bases, Teambition projects and their
// tasks, DingTalk todos. Built by parseWorkState (schema.ts) from the org YAML, mutated by the work
// routes, read by the control helpers. One instance per emulator; nothing here does I/O.

export type NotableAccess = 'read' | 'edit';

/** DingTalk field types the emulator knows; values are checked loosely (DingTalk coerces too). */
export type NotableFieldType = 'text' | 'number' | 'singleSelect' | 'multipleSelect' | 'date' | 'checkbox' | 'user';

export interface NotableField {
  id: string;
  name: string;
  type: NotableFieldType;
  /** `{choices:[{name}]}` for selects, as DingTalk's GetAllFields returns it. */
  property: Record<string, unknown>;
}

export interface NotableRecord {
  id: string;
  /** Values keyed by field name (DingTalk answers with names). */
  fields: Record<string, unknown>;
  createdBy: string;
  lastModifiedBy: string;
  createdTime: number;
  lastModifiedTime: number;
}

export interface NotableSheet {
  id: string;
  name: string;
  fields: NotableField[];
  records: NotableRecord[];
}

export interface NotableBase {
  /** The base's node id: what DingTalk calls `baseId` and doc search returns as `nodeId`. */
  id: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  /** unionId → access. Anyone absent does not see the base at all (DingTalk answers notFound). */
  access: Map<string, NotableAccess>;
  sheets: NotableSheet[];
}

/** A Teambition taskflow status; `kind` is `start`, `unset` (in progress) or `end` (done). */
export interface TaskflowStatus {
  taskflowStatusId: string;
  taskflowId: string;
  name: string;
  kind: 'start' | 'unset' | 'end';
  pos: number;
}

export interface ProjectTask {
  taskId: string;
  projectId: string;
  content: string;
  note: string;
  /** DingTalk userIds (the emulator does not model Teambition's own member ids). */
  creatorId: string;
  executorId?: string;
  dueDate?: string;
  startDate?: string;
  priority: number;
  taskflowStatusId: string;
  isDone: boolean;
  accomplishTime?: string;
  created: string;
  updated: string;
}

export interface Project {
  projectId: string;
  name: string;
  /** userIds of the members: only they see or touch the project's tasks. */
  members: Set<string>;
  statuses: TaskflowStatus[];
  tasks: ProjectTask[];
}

export interface Todo {
  id: string;
  /** unionId whose list the todo is in (the path's `{unionId}` when it was created). */
  ownerId: string;
  subject: string;
  description: string;
  creatorId: string;
  executorIds: string[];
  participantIds: string[];
  dueTime?: number;
  priority?: number;
  done: boolean;
  createdTime: number;
  modifiedTime: number;
  finishTime?: number;
}

export class WorkState {
  bases: NotableBase[] = [];
  projects: Project[] = [];
  todos: Todo[] = [];
  /** Milliseconds since the epoch; tests replace it for stable times. */
  now: () => number = () => Date.now();
  #counter = 0;

  /** A fresh id in DingTalk's style (opaque, unique within this emulator). */
  newId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}${this.#counter.toString(36).padStart(6, '0')}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  baseById(id: string): NotableBase | undefined {
    return this.bases.find((base) => base.id === id);
  }

  projectById(id: string): Project | undefined {
    return this.projects.find((project) => project.projectId === id);
  }

  /** A sheet by id, else by name (DingTalk's `sheetIdOrName`). */
  static sheetOf(base: NotableBase, idOrName: string): NotableSheet | undefined {
    return base.sheets.find((sheet) => sheet.id === idOrName) ?? base.sheets.find((sheet) => sheet.name === idOrName);
  }

  /** A field by id, else by name. */
  static fieldOf(sheet: NotableSheet, idOrName: string): NotableField | undefined {
    return sheet.fields.find((field) => field.id === idOrName) ?? sheet.fields.find((field) => field.name === idOrName);
  }
}

/** The work state the core keeps for the routes (`org.work` is opaque to the core). */
export function workStateOf(work: unknown): WorkState {
  if (work instanceof WorkState) return work;
  throw new Error('registerWorkRoutes: ctx.org.work is not the WorkState parseWorkState returned');
}
