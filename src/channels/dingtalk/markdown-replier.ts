// Replies without an AI card: markdown through the message's session webhook while it is valid,
// else through the robot OpenAPI (oToMessages/batchSend for 1:1, groupMessages/send for groups).
// Long answers go out as several messages split at markdown boundaries. Progress is one short text
// message at most every PROGRESS_EVERY_MS (a chat cannot edit a sent message, so no streaming).

import type { DingtalkApi } from './api-types.ts';
import { splitMarkdown } from './markdown-split.ts';
import type { ReplyContext } from './normalise.ts';
import type { Replier } from './types.ts';

export interface MarkdownReplierOptions {
  api: DingtalkApi;
  robotCode: string;
  context: ReplyContext;
  fetch: typeof fetch;
  log: (line: string) => void;
  now?: () => number;
  /** Largest message in UTF-8 bytes (default 3800; DingTalk's markdown limit is about 5000 characters). */
  maxMessageBytes?: number;
}

const PROGRESS_EVERY_MS = 10_000;
/** The webhook is not used in its last minute: the answer could arrive after it expires. */
const WEBHOOK_MARGIN_MS = 60_000;

function title(text: string): string {
  const first = text.split('\n').find((line) => line.trim())?.replace(/^[#>*\-\s`]+/, '').trim() ?? '';
  return [...first].slice(0, 20).join('') || 'Warden';
}

export function createMarkdownReplier(options: MarkdownReplierOptions): Replier {
  const now = options.now ?? Date.now;
  const { context } = options;
  let webhookUsable = Boolean(context.sessionWebhook);
  let lastProgress = -Infinity;
  let finished = false;
  let queue: Promise<void> = Promise.resolve();

  async function viaWebhook(body: unknown): Promise<boolean> {
    if (!webhookUsable || !context.sessionWebhook) return false;
    if (context.sessionWebhookExpiresAt && now() > context.sessionWebhookExpiresAt - WEBHOOK_MARGIN_MS) {
      webhookUsable = false;
      return false;
    }
    try {
      const response = await options.fetch(context.sessionWebhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
      const answer = (await response.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
      if (response.ok && Number(answer.errcode ?? 0) === 0) return true;
      options.log(`dingtalk reply: session webhook refused (${response.status} ${answer.errcode ?? ''} ${answer.errmsg ?? ''}); using the robot OpenAPI`);
    } catch (error) {
      options.log(`dingtalk reply: session webhook failed (${(error as Error).message}); using the robot OpenAPI`);
    }
    webhookUsable = false;
    return false;
  }

  async function viaOpenApi(msgKey: string, param: Record<string, string>): Promise<void> {
    const msgParam = JSON.stringify(param);
    if (context.conversationType === 'group') {
      await options.api.request('POST', '/v1.0/robot/groupMessages/send', { body: { robotCode: options.robotCode, openConversationId: context.conversationId, msgKey, msgParam } });
      return;
    }
    if (!context.senderUserId) throw new Error('no session webhook and no userId to send to (an external sender in a 1:1 chat)');
    const answer = await options.api.request<{ invalidStaffIdList?: string[]; flowControlledStaffIdList?: string[] }>('POST', '/v1.0/robot/oToMessages/batchSend', { body: { robotCode: options.robotCode, userIds: [context.senderUserId], msgKey, msgParam } });
    if (answer.invalidStaffIdList?.length || answer.flowControlledStaffIdList?.length) throw new Error(`DingTalk did not deliver to ${context.senderUserId} (invalid or flow-controlled)`);
  }

  async function sendMarkdown(text: string): Promise<void> {
    for (const piece of splitMarkdown(text, options.maxMessageBytes ?? 3800)) {
      const heading = title(piece);
      if (await viaWebhook({ msgtype: 'markdown', markdown: { title: heading, text: piece } })) continue;
      await viaOpenApi('sampleMarkdown', { title: heading, text: piece });
    }
  }

  async function sendText(text: string): Promise<void> {
    if (await viaWebhook({ msgtype: 'text', text: { content: text } })) return;
    await viaOpenApi('sampleText', { content: text });
  }

  /** Runs sends one after another; a failure is logged, never thrown to the caller. */
  function enqueue(what: string, job: () => Promise<void>): Promise<void> {
    queue = queue.then(job).catch((error: unknown) => options.log(`dingtalk reply: ${what} to ${context.conversationId} failed: ${(error as Error)?.message ?? String(error)}`));
    return queue;
  }

  return {
    progress(text) {
      if (finished || now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now();
      void enqueue('progress', () => sendText(`⏳ ${text}`));
    },
    delta() {
      // Markdown messages cannot be edited once sent: the whole answer goes out in final().
    },
    final(text) {
      if (finished) return queue;
      finished = true;
      return enqueue('answer', () => sendMarkdown(text || '…'));
    },
    fail(message) {
      if (finished) return queue;
      finished = true;
      return enqueue('failure notice', () => sendText(`⚠️ ${message}`));
    },
  };
}
