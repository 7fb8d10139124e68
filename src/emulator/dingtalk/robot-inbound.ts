// A person writes to the bot: builds the robot callback payload of research §2 (conversationType as
// a string, msgId, a session webhook with its expiry, senderStaffId empty for outsiders, atUsers with
// the bot, the leading space where the bot's @name was cut) and hands it to the Stream hub with
// redelivery. Group messages reach the bot only when they @-mention it; audio, video and files are
// delivered in 1:1 chats only (DingTalk does not forward them from groups).

import type { OrgChat, OrgState, OrgUser } from './context.ts';
import { encryptedUserId, messageId, singleConversationId } from './ids.ts';
import type { Outbox, StoredFile } from './outbox.ts';
import type { StreamHub } from './stream-hub.ts';

export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

/** A file the person attaches: text or base64 content. */
export interface FileInput {
  name: string;
  text?: string;
  contentBase64?: string;
  contentType?: string;
}

export type InboundContent =
  | { type: 'text'; text: string }
  | { type: 'richText'; parts: ({ text: string } | { picture: FileInput })[] }
  | { type: 'picture'; file: FileInput }
  | { type: 'file'; file: FileInput }
  | { type: 'audio'; file: FileInput; recognition?: string; durationMs?: number };

export interface PostMessageInput {
  /** The sender's userId. */
  as: string;
  /** A chat's conversationId; absent: the sender's 1:1 chat with the bot. */
  chat?: string;
  content: InboundContent | string;
  /** Group messages: whether the message @-mentions the bot (default true). */
  atBot?: boolean;
  /** Other people @-mentioned (userIds). */
  atUserIds?: string[];
}

export type PostMessageResult =
  | { accepted: true; msgId: string; conversationId: string; frameMessageId: string; sessionWebhook: string }
  | { accepted: false; conversationId: string; reason: 'bot-not-mentioned' | 'unsupported-in-group' };

/** A bad control request (unknown user or chat, sender not in the chat): the control API's 400. */
export class ControlInputError extends Error {
  override readonly name = 'ControlInputError';
}

export interface RobotInboundOptions {
  org: OrgState;
  hub: StreamHub;
  outbox: Outbox;
  now: () => number;
  baseUrl: () => string;
  redeliverAfterMs: number;
  sessionWebhookTtlMs: number;
}

function toFile(input: FileInput): StoredFile {
  if (typeof input?.name !== 'string' || input.name === '') throw new ControlInputError('a file needs a name');
  const bytes = input.contentBase64 !== undefined ? Buffer.from(input.contentBase64, 'base64') : Buffer.from(input.text ?? '', 'utf8');
  return { name: input.name, contentType: input.contentType ?? 'application/octet-stream', bytes };
}

export interface ResolvedChat {
  readonly conversationId: string;
  readonly chat?: OrgChat;
}

/** The chat a user writes in: a named chat they belong to, or their 1:1 chat with the bot. */
export function resolveChat(org: OrgState, sender: OrgUser, chatId: string | undefined): ResolvedChat {
  if (chatId === undefined || chatId === singleConversationId(org.app.clientId, sender.userId)) {
    return { conversationId: singleConversationId(org.app.clientId, sender.userId) };
  }
  const chat = org.chats.find((c) => c.conversationId === chatId);
  if (chat === undefined) throw new ControlInputError(`no chat ${chatId} in the organisation`);
  if (!chat.members.includes(sender.userId)) throw new ControlInputError(`${sender.userId} is not a member of chat ${chatId}`);
  return { conversationId: chat.conversationId, chat };
}

export function createRobotInbound(options: RobotInboundOptions): (input: PostMessageInput) => PostMessageResult {
  const { org, hub, outbox, now } = options;

  const body = (content: InboundContent, group: boolean): Record<string, unknown> => {
    switch (content.type) {
      case 'text':
        // The bot's @name is cut from a group message, leaving the space that followed it.
        return { msgtype: 'text', text: { content: group ? ` ${content.text}` : content.text } };
      case 'richText':
        return {
          msgtype: 'richText',
          content: {
            richText: content.parts.map((part) => {
              if ('text' in part) return { text: part.text };
              const code = outbox.storeFile(toFile(part.picture));
              return { type: 'picture', downloadCode: code, pictureDownloadCode: code };
            }),
          },
        };
      case 'picture': {
        const code = outbox.storeFile(toFile(content.file));
        return { msgtype: 'picture', content: { downloadCode: code, pictureDownloadCode: code } };
      }
      case 'file': {
        const file = toFile(content.file);
        return { msgtype: 'file', content: { downloadCode: outbox.storeFile(file), fileName: file.name, spaceId: '0', fileId: '0' } };
      }
      case 'audio':
        return {
          msgtype: 'audio',
          content: {
            duration: content.durationMs ?? 3000,
            downloadCode: outbox.storeFile(toFile(content.file)),
            ...(content.recognition !== undefined ? { recognition: content.recognition } : {}),
          },
        };
      default:
        throw new ControlInputError(`unknown message type ${JSON.stringify((content as { type?: unknown }).type)}`);
    }
  };

  return (input) => {
    const sender = org.users.find((u) => u.userId === input.as);
    if (sender === undefined) throw new ControlInputError(`no user ${JSON.stringify(input.as)} in the organisation`);
    const { conversationId, chat } = resolveChat(org, sender, input.chat);
    const group = chat?.type === 'group';
    const content: InboundContent = typeof input.content === 'string' ? { type: 'text', text: input.content } : input.content;
    if (group && input.atBot === false) return { accepted: false, conversationId, reason: 'bot-not-mentioned' };
    if (group && (content.type === 'file' || content.type === 'audio')) return { accepted: false, conversationId, reason: 'unsupported-in-group' };

    const createAt = now();
    const expiresAt = createAt + options.sessionWebhookTtlMs;
    const session = outbox.openSession({ conversationId, expiresAt, sender });
    const sessionWebhook = `${options.baseUrl()}/robot/sendBySession?session=${session}`;
    const msgId = messageId();
    const others = (input.atUserIds ?? []).map((userId) => {
      const user = org.users.find((u) => u.userId === userId);
      if (user === undefined) throw new ControlInputError(`@-mentioned user ${userId} is not in the organisation`);
      return { dingtalkId: encryptedUserId(org.app.clientId, user.unionId), ...(user.external ? {} : { staffId: user.userId }) };
    });
    const payload: Record<string, unknown> = {
      conversationId,
      ...(group ? { atUsers: [{ dingtalkId: org.app.chatbotUserId }, ...others], isInAtList: true, conversationTitle: chat.title } : {}),
      chatbotCorpId: org.app.corpId,
      chatbotUserId: org.app.chatbotUserId,
      msgId,
      senderNick: sender.name,
      isAdmin: false,
      // DingTalk leaves the staff id empty for people outside the bot's organisation.
      senderStaffId: sender.external ? '' : sender.userId,
      sessionWebhookExpiredTime: expiresAt,
      createAt,
      senderCorpId: sender.corpId,
      conversationType: group ? '2' : '1',
      senderId: encryptedUserId(org.app.clientId, sender.unionId),
      sessionWebhook,
      robotCode: org.app.robotCode,
      ...body(content, group),
    };
    const frameMessageId = hub.deliver({ type: 'CALLBACK', topic: ROBOT_TOPIC, payload, msgId, redeliverAfterMs: options.redeliverAfterMs });
    return { accepted: true, msgId, conversationId, frameMessageId, sessionWebhook };
  };
}
