// A robot callback's data (research §2) → InboundMessage: the sender resolved through the
// directory, text with the bot's @-mention removed, pictures and files downloaded into the
// conversation's workspace, audio as DingTalk's recognised text, anything else `unsupported`.

import type { DingtalkApi } from './api-types.ts';
import type { Directory } from './directory.ts';
import { downloadAttachment } from './download.ts';
import type { DingtalkPerson, InboundAttachment, InboundMessage } from './types.ts';

/** Where and how the answer to a message can be sent (not part of InboundMessage). */
export interface ReplyContext {
  conversationId: string;
  conversationType: 'single' | 'group';
  senderUserId?: string;
  sessionWebhook?: string;
  /** Epoch ms after which the session webhook no longer works. */
  sessionWebhookExpiresAt?: number;
}

export interface NormaliseOptions {
  api: DingtalkApi;
  directory: Directory;
  robotCode: string;
  corpId?: string;
  workspaceFor(conversationId: string): string;
  maxFileBytes: number;
  fetch: typeof fetch;
  log: (line: string) => void;
}

type Data = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const obj = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});

/** The fields a robot message must have; a message without them is dropped (acked) with a log line. */
export function checkRobotData(data: Data | undefined): string | undefined {
  if (!data) return 'data is not a JSON object';
  for (const key of ['msgId', 'conversationId', 'msgtype'] as const) if (!str(data[key])) return `data.${key} is missing`;
  if (!str(data.senderStaffId) && !str(data.senderId)) return 'data has neither senderStaffId nor senderId';
  return undefined;
}

export function replyContext(data: Data): ReplyContext {
  return {
    conversationId: String(data.conversationId),
    conversationType: String(data.conversationType) === '2' ? 'group' : 'single',
    senderUserId: str(data.senderStaffId),
    sessionWebhook: str(data.sessionWebhook),
    sessionWebhookExpiresAt: Number(data.sessionWebhookExpiredTime) || undefined,
  };
}

async function resolveSender(data: Data, options: NormaliseOptions): Promise<DingtalkPerson> {
  const staffId = str(data.senderStaffId);
  const ourCorp = options.corpId ?? str(data.chatbotCorpId);
  const senderCorp = str(data.senderCorpId);
  const foreign = Boolean(ourCorp && senderCorp && senderCorp !== ourCorp);
  if (!staffId || foreign) {
    return { userId: staffId ?? String(data.senderId), name: str(data.senderNick), corpId: senderCorp, departments: [], external: true };
  }
  const person = await options.directory.person(staffId);
  return { ...person, name: person.name ?? str(data.senderNick), corpId: senderCorp ?? person.corpId };
}

export async function normaliseMessage(data: Data, receivedAt: string, options: NormaliseOptions): Promise<InboundMessage> {
  const context = replyContext(data);
  const sender = await resolveSender(data, options);
  const msgtype = String(data.msgtype);
  const content = obj(data.content);
  const texts: string[] = [];
  const attachments: InboundAttachment[] = [];
  let unsupported: string | undefined;
  const workspace = options.workspaceFor(context.conversationId);
  const fetchFile = async (downloadCode: unknown, name: string) => {
    const code = str(downloadCode);
    if (!code) return texts.push(`(an attachment "${name}" came without a download code and was not read)`);
    const result = await downloadAttachment({ api: options.api, robotCode: options.robotCode, downloadCode: code, name, workspace, maxBytes: options.maxFileBytes, fetch: options.fetch });
    if ('error' in result) {
      options.log(`dingtalk: message ${String(data.msgId)}: attachment "${name}" not read: ${result.error}`);
      texts.push(`(the attachment "${name}" was not read: ${result.error})`);
    } else attachments.push(result);
  };
  switch (msgtype) {
    case 'text':
      texts.push(String(obj(data.text).content ?? ''));
      break;
    case 'richText': {
      const items = Array.isArray(content.richText) ? content.richText : [];
      let pictures = 0;
      for (const item of items.map(obj)) {
        if (typeof item.text === 'string') texts.push(item.text);
        else if (item.type === 'picture') await fetchFile(item.downloadCode ?? item.pictureDownloadCode, `picture-${++pictures}`);
      }
      break;
    }
    case 'picture':
      await fetchFile(content.downloadCode ?? content.pictureDownloadCode, 'picture');
      break;
    case 'file':
      await fetchFile(content.downloadCode, str(content.fileName) ?? 'file');
      break;
    case 'audio':
      if (str(content.recognition)) texts.push(String(content.recognition));
      else unsupported = 'a voice message without recognised text';
      break;
    default:
      unsupported = `a ${msgtype} message`;
  }
  if (str(data.errorMessage) && !texts.length && !attachments.length) unsupported ??= `a message DingTalk did not pass on (${String(data.errorMessage)})`;
  return {
    key: String(data.msgId),
    conversationId: context.conversationId,
    conversationType: context.conversationType,
    chatTitle: str(data.conversationTitle),
    sender,
    text: texts.join('').trim(),
    attachments,
    ...(unsupported ? { unsupported } : {}),
    receivedAt,
  };
}
