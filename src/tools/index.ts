// Built-in tools: the workspace file tools (read, write, edit, list), exec through the sandbox and
// web_fetch through the same containment. `builtinTools()` gives all six, built with `options`.

import { createEditTool, type EditToolOptions } from './edit-tool.ts';
import { createExecTool, type ExecToolOptions } from './exec-tool.ts';
import { createListTool, type ListToolOptions } from './list-tool.ts';
import { createReadTool, type ReadToolOptions } from './read-tool.ts';
import type { Tool } from './types.ts';
import { createWebFetchTool, type WebFetchToolOptions } from './web-fetch-tool.ts';
import { createWriteTool, type WriteToolOptions } from './write-tool.ts';

export interface BuiltinToolsOptions {
  read?: ReadToolOptions;
  write?: WriteToolOptions;
  edit?: EditToolOptions;
  list?: ListToolOptions;
  /** Pass `maxTimeoutSec` = the configured `sandbox.limits.wallTimeSec` so a call cannot ask for more. */
  exec?: ExecToolOptions;
  webFetch?: WebFetchToolOptions;
}

export function builtinTools(options: BuiltinToolsOptions = {}): Tool[] {
  return [
    createReadTool(options.read),
    createWriteTool(options.write),
    createEditTool(options.edit),
    createListTool(options.list),
    createExecTool(options.exec),
    createWebFetchTool(options.webFetch),
  ];
}

export { createEditTool, createExecTool, createListTool, createReadTool, createWebFetchTool, createWriteTool };
export type { EditToolOptions, ExecToolOptions, ListToolOptions, ReadToolOptions, WebFetchToolOptions, WriteToolOptions };
export { htmlToText } from './html-text.ts';
export { materialiseSkills, SKILLS_DIR, VERSION_MARKER } from './skill-copies.ts';
export type { JsonSchema, Tool, ToolContext, ToolPrincipal, ToolResult, ToolSkill } from './types.ts';
