// DingTalk work tools: AI Table (Notable), Teambition project tasks, todos and messages, each acting
// with the requester's own DingTalk identity through the channel's API client.

import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { messageTool } from './message-tool.ts';
import { notableReadTools } from './notable-read-tools.ts';
import { notableWriteTools } from './notable-write-tools.ts';
import { projectTools } from './project-tools.ts';
import { todoTools } from './todo-tools.ts';

export interface DingtalkToolsOptions {
  /** The app's robot code; dingtalk_send_message is offered only with it. */
  robotCode?: string;
}

/** The DingTalk tools, named `dingtalk_*` (policy matches them by name). */
export function createDingtalkTools(api: DingtalkApi, options: DingtalkToolsOptions = {}): Tool[] {
  const tools = [...notableReadTools(api), ...notableWriteTools(api), ...projectTools(api), ...todoTools(api)];
  if (options.robotCode) tools.push(messageTool(api, options.robotCode));
  return tools;
}
