// Send a message to a colleague or a group on the requester's behalf. DingTalk has no API to post
// as a user, so the bot sends it (robot batchSend / groupMessages/send) and says whose message it
// is in the first line; the requester must be an employee (userId), never an external contact.

import { z } from 'zod';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { defineDingtalkTool, success } from './tool-kit.ts';

export function messageTool(api: DingtalkApi, robotCode: string): Tool {
  return defineDingtalkTool(api, {
    name: 'dingtalk_send_message', description: 'Send a message on your behalf to a colleague (by userId) or to a group chat (by conversationId).',
    writes: true, operator: 'userId', scope: 'qyapi_robot_sendmsg',
    args: z.strictObject({
      toUserId: z.string().min(1).optional().describe('DingTalk userId of the colleague.'),
      toConversationId: z.string().min(1).optional().describe('openConversationId of the group.'),
      text: z.string().min(1).max(5000).describe('Markdown text of the message.'),
    }).refine((a) => (a.toUserId === undefined) !== (a.toConversationId === undefined), 'give exactly one of toUserId or toConversationId'),
    async run(args, call) {
      const sender = call.context.principal.name ?? call.operator;
      const msgParam = JSON.stringify({ title: `${sender} 的消息`, text: `**${sender}** 请我转达：\n\n${args.text}` });
      if (args.toUserId !== undefined) {
        call.progress(`sending a message to ${args.toUserId}…`);
        const sent = await call.api.request<{ processQueryKey?: string; invalidStaffIdList?: string[]; flowControlledStaffIdList?: string[] }>('POST', '/v1.0/robot/oToMessages/batchSend', {
          body: { robotCode, userIds: [args.toUserId], msgKey: 'sampleMarkdown', msgParam }, idempotent: false, signal: call.context.signal,
        });
        if (sent.invalidStaffIdList?.includes(args.toUserId)) return { ok: false, content: `DingTalk refused: ${args.toUserId} is not a userId of this organisation.`, summary: 'invalid userId' };
        if (sent.flowControlledStaffIdList?.includes(args.toUserId)) return { ok: false, content: `DingTalk refused: too many messages to ${args.toUserId} right now (flow control); try later.`, summary: 'flow controlled' };
        return success(`Sent to ${args.toUserId} on your behalf.`, 'message sent', { processQueryKey: sent.processQueryKey });
      }
      call.progress(`sending a message to group ${args.toConversationId}…`);
      const sent = await call.api.request<{ processQueryKey?: string }>('POST', '/v1.0/robot/groupMessages/send', {
        body: { robotCode, openConversationId: args.toConversationId, msgKey: 'sampleMarkdown', msgParam }, idempotent: false, signal: call.context.signal,
      });
      return success(`Sent to group ${args.toConversationId} on your behalf.`, 'message sent', { processQueryKey: sent.processQueryKey });
    },
  });
}
