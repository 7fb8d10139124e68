// The bot's replies: the session webhook (`/robot/sendBySession`, no token, errcode 300001 once
// expired), 1:1 and group sends through the robot OpenAPI (msgKey/msgParam checked per research
// §3.3), recalls, and message-file downloads (`messageFiles/download` → a URL this server serves).

import type { Context, Hono } from 'hono';
import type { EmulatorContext } from './context.ts';
import { singleConversationId } from './ids.ts';
import type { Outbox } from './outbox.ts';

const WEBHOOK_TYPES: Readonly<Record<string, (body: Record<string, any>) => string | undefined>> = {
  text: (b) => str(b.text?.content),
  markdown: (b) => (str(b.markdown?.title) !== undefined ? str(b.markdown?.text) : undefined),
  actionCard: (b) => str(b.actionCard?.text),
  link: (b) => str(b.link?.text),
  feedCard: (b) => (Array.isArray(b.feedCard?.links) ? b.feedCard.links.map((l: any) => String(l?.title ?? '')).join('\n') : undefined),
  empty: () => '',
};

/** The msgParam keys each msgKey needs (research §3.3). */
const MSG_KEYS: Readonly<Record<string, readonly string[]>> = {
  sampleText: ['content'],
  sampleMarkdown: ['title', 'text'],
  sampleImageMsg: ['photoURL'],
  sampleLink: ['text', 'title', 'messageUrl'],
  sampleActionCard: ['title', 'text', 'singleTitle', 'singleURL'],
  sampleActionCard2: ['title', 'text'],
  sampleActionCard3: ['title', 'text'],
  sampleActionCard4: ['title', 'text'],
  sampleActionCard5: ['title', 'text'],
  sampleActionCard6: ['title', 'text'],
  sampleAudio: ['mediaId', 'duration'],
  sampleFile: ['mediaId', 'fileName', 'fileType'],
  sampleVideo: ['duration', 'videoMediaId', 'videoType', 'picMediaId'],
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function jsonBody(c: Context): Promise<Record<string, any> | undefined> {
  const body = await c.req.json().catch(() => undefined);
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, any>) : undefined;
}

/** The parsed msgParam and its readable text, or an error message. */
function checkMessage(msgKey: unknown, msgParam: unknown): { param: Record<string, unknown>; text: string } | string {
  if (typeof msgKey !== 'string' || !(msgKey in MSG_KEYS)) return `msgKey ${JSON.stringify(msgKey)} is not supported`;
  if (typeof msgParam !== 'string') return 'msgParam must be a JSON string';
  let param: unknown;
  try {
    param = JSON.parse(msgParam);
  } catch {
    return 'msgParam is not valid JSON';
  }
  if (param === null || typeof param !== 'object' || Array.isArray(param)) return 'msgParam must be a JSON object';
  const missing = MSG_KEYS[msgKey]!.filter((k) => !(k in param));
  if (missing.length > 0) return `msgParam for ${msgKey} lacks ${missing.join(', ')}`;
  const p = param as Record<string, unknown>;
  return { param: p, text: String(p.content ?? p.text ?? p.title ?? p.fileName ?? '') };
}

export function registerRobotSendRoutes(app: Hono, ctx: EmulatorContext, outbox: Outbox): void {
  const { org } = ctx;

  app.post('/robot/sendBySession', async (c) => {
    const session = outbox.session(c.req.query('session') ?? '');
    const body = await jsonBody(c);
    ctx.recordCall('robot.sendBySession', { msgtype: body?.msgtype, live: session !== undefined });
    if (session === undefined) return c.json({ errcode: 300001, errmsg: 'session 不存在' });
    if (body === undefined) return ctx.oapiError(c, 40035, '缺少参数 json');
    const reader = typeof body.msgtype === 'string' ? WEBHOOK_TYPES[body.msgtype] : undefined;
    if (reader === undefined) return ctx.oapiError(c, 40035, `不支持的消息类型 ${String(body.msgtype)}`);
    const text = reader(body);
    if (text === undefined) return ctx.oapiError(c, 40035, `缺少参数 ${body.msgtype}`);
    outbox.addMessage({ conversationId: session.conversationId, via: 'sessionWebhook', msgtype: body.msgtype, content: body, text });
    return c.json({ errcode: 0, errmsg: 'ok' });
  });

  app.post('/v1.0/robot/oToMessages/batchSend', async (c) => {
    const appKey = ctx.requireToken(c);
    if (appKey instanceof Response) return appKey;
    const limited = ctx.throttle(c, 'robot.oToMessages.batchSend', 20);
    if (limited !== undefined) return limited;
    const body = await jsonBody(c);
    ctx.recordCall('robot.oToMessages.batchSend', body);
    if (body?.robotCode !== org.app.robotCode) return ctx.error(c, 400, 'invalidParameter.robotCode.notExsit', 'robotCode不存在');
    const userIds: unknown = body.userIds;
    if (!Array.isArray(userIds) || userIds.length === 0 || !userIds.every((u) => typeof u === 'string')) {
      return ctx.error(c, 400, 'invalidParameter.userIds.empty', 'userIds must be a non-empty array of userIds');
    }
    if (userIds.length > 20) return ctx.error(c, 400, 'invalidParameter.userIds.overMax', 'userIds超过最大值');
    const checked = checkMessage(body.msgKey, body.msgParam);
    if (typeof checked === 'string') return ctx.error(c, 400, 'invalidParameter.msgParam.invalid', checked);
    const invalid: string[] = [];
    for (const userId of userIds as string[]) {
      const user = ctx.userByUserId(userId);
      if (user === undefined || user.external) invalid.push(userId);
      else {
        outbox.addMessage({ conversationId: singleConversationId(org.app.clientId, userId), via: 'otoMessages', msgtype: body.msgKey, content: checked.param, text: checked.text });
      }
    }
    return c.json({ processQueryKey: crypto.randomUUID(), invalidStaffIdList: invalid, flowControlledStaffIdList: [] });
  });

  app.post('/v1.0/robot/groupMessages/send', async (c) => {
    const appKey = ctx.requireToken(c);
    if (appKey instanceof Response) return appKey;
    const limited = ctx.throttle(c, 'robot.groupMessages.send', 20);
    if (limited !== undefined) return limited;
    const body = await jsonBody(c);
    ctx.recordCall('robot.groupMessages.send', body);
    if (body?.robotCode !== org.app.robotCode) return ctx.error(c, 400, 'invalidParameter.robotCode.notExsit', 'robotCode不存在');
    const chat = org.chats.find((ch) => ch.conversationId === body.openConversationId && ch.type === 'group');
    if (chat === undefined) return ctx.error(c, 400, 'invalidParameter.openConversationId.invalid', 'openConversationId无效');
    const checked = checkMessage(body.msgKey, body.msgParam);
    if (typeof checked === 'string') return ctx.error(c, 400, 'invalidParameter.msgParam.invalid', checked);
    const sent = outbox.addMessage({ conversationId: chat.conversationId, via: 'groupMessages', msgtype: body.msgKey, content: checked.param, text: checked.text });
    return c.json({ processQueryKey: sent.id });
  });

  const recall = async (c: Context, api: string): Promise<Response> => {
    const appKey = ctx.requireToken(c);
    if (appKey instanceof Response) return appKey;
    const body = await jsonBody(c);
    ctx.recordCall(api, body);
    const keys: unknown[] = Array.isArray(body?.processQueryKeys) ? body.processQueryKeys : [];
    const successResult: string[] = [];
    const failedResult: Record<string, string> = {};
    for (const key of keys) {
      if (typeof key === 'string' && outbox.recall(key)) successResult.push(key);
      else failedResult[String(key)] = 'INVALID_PROCESS_QUERY_KEY';
    }
    return c.json({ successResult, failedResult });
  };
  app.post('/v1.0/robot/groupMessages/recall', (c) => recall(c, 'robot.groupMessages.recall'));
  app.post('/v1.0/robot/otoMessages/batchRecall', (c) => recall(c, 'robot.otoMessages.batchRecall'));

  app.post('/v1.0/robot/messageFiles/download', async (c) => {
    const appKey = ctx.requireToken(c);
    if (appKey instanceof Response) return appKey;
    const body = await jsonBody(c);
    ctx.recordCall('robot.messageFiles.download', body);
    if (body?.robotCode !== org.app.robotCode) return ctx.error(c, 400, 'invalidParameter.robotCode.notExsit', 'robotCode不存在');
    const token = typeof body.downloadCode === 'string' ? outbox.downloadToken(body.downloadCode) : undefined;
    if (token === undefined) return ctx.error(c, 400, 'invalidParameter.downloadCode.invalid', 'downloadCode无效');
    return c.json({ downloadUrl: `${new URL(c.req.url).origin}/_emulator/files/${token}` });
  });

  // The download URL stands for DingTalk's signed storage URL: no token needed.
  app.get('/_emulator/files/:token', (c) => {
    const file = outbox.fileByToken(c.req.param('token'));
    if (file === undefined) return c.text('not found', 404);
    return c.body(Buffer.from(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
}
