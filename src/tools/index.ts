// Built-in tools: the workspace file tools (read, write, edit, list), exec through the sandbox and
// web_fetch through the same containment. `builtinTools()` gives all six, built with `options`.

import { createEditTool, type EditToolOptions } from './edit-tool.ts';
import { createListTool, type ListToolOptions } from './list-tool.ts';
import { createReadTool, type ReadToolOptions } from './read-tool.ts';
import type { Tool } from './types.ts';
import { createWriteTool, type WriteToolOptions } from './write-tool.ts';

export interface BuiltinToolsOptions {
  read?: ReadToolOptions;
  write?: WriteToolOptions;
  edit?: EditToolOptions;
  list?: ListToolOptions;
}

export function builtinTools(options: BuiltinToolsOptions = {}): Tool[] {
  return [createReadTool(options.read), createWriteTool(options.write), createEditTool(options.edit), createListTool(options.list)];
}

export { createEditTool, createListTool, createReadTool, createWriteTool };
export type { EditToolOptions, ListToolOptions, ReadToolOptions, WriteToolOptions };
export { materialiseSkills, SKILLS_DIR, VERSION_MARKER } from './skill-copies.ts';
export type { JsonSchema, Tool, ToolContext, ToolPrincipal, ToolResult, ToolSkill } from './types.ts';
