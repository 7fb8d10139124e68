// The emulator's work side (engineer W): AI Table (Notable), Teambition project tasks and DingTalk
// todos, with per-user access. The core parses the org YAML's `work:` section with parseWorkState,
// keeps the result as `org.work`, and calls registerWorkRoutes once on its Hono app.

import type { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { registerDocRoutes } from './doc-routes.ts';
import { registerNotableRoutes } from './notable-routes.ts';
import { registerProjectRoutes } from './project-routes.ts';
import { registerTodoRoutes } from './todo-routes.ts';

export { parseWorkState } from './schema.ts';
export { WorkState } from './state.ts';
export { listTables, readSheetRows, userProjectTasks, userTodos } from './control.ts';
export type { SheetRow } from './control.ts';

/** Registers every work route (`/v1.0/notable`, `/v1.0/doc/docs`, `/v1.0/project`, `/v1.0/todo`). */
export function registerWorkRoutes(app: Hono, ctx: EmulatorContext): void {
  registerNotableRoutes(app, ctx);
  registerDocRoutes(app, ctx);
  registerProjectRoutes(app, ctx);
  registerTodoRoutes(app, ctx);
}
