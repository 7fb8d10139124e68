// createDingtalkChannel: the Stream client, the inbox (store, then acknowledge), the per-conversation
// dispatcher, normalisation, repliers and approval cards, wired together.

import { createApprovalCards, type CardCallbackResponse } from './approval-cards.ts';
import { createDingtalkApiClient } from './api-client.ts';
import { createCardReplier } from './card-replier.ts';
import { createDirectory } from './directory.ts';
import { createDispatcher } from './dispatcher.ts';
import { CARD_CALLBACK_TOPIC, frameData, ROBOT_TOPIC, type DownstreamFrame } from './frames.ts';
import { createInbox, orderKey, type InboxEntry } from './inbox.ts';
import { createMarkdownReplier } from './markdown-replier.ts';
import { checkRobotData, normaliseMessage, replyContext, type ReplyContext } from './normalise.ts';
import { createStreamClient, type StreamClient } from './stream-client.ts';
import type { DingtalkChannel, DingtalkChannelOptions, InboundMessage, Replier } from './types.ts';

/** A card callback must be answered within 2 s (research §4.4); past this we answer without an update. */
const CARD_CALLBACK_BUDGET_MS = 1500;

export function createDingtalkChannel(options: DingtalkChannelOptions): DingtalkChannel {
  const { config } = options;
  for (const key of ['clientId', 'clientSecret', 'robotCode', 'apiBaseUrl', 'oapiBaseUrl'] as const) {
    if (!config[key]) throw new Error(`createDingtalkChannel: config.${key} is required`);
  }
  const log = options.log ?? (() => {});
  const doFetch = options.fetch ?? fetch;
  const tuning = options.tuning ?? {};
  const api = createDingtalkApiClient({ clientId: config.clientId, clientSecret: config.clientSecret, apiBaseUrl: config.apiBaseUrl, oapiBaseUrl: config.oapiBaseUrl, fetch: doFetch, random: options.random, log });
  const directory = createDirectory({ api, corpId: config.corpId });
  const inbox = createInbox(options.store);
  const contexts = new Map<string, ReplyContext>();
  const cards = createApprovalCards({ api, store: options.store, audit: options.audit, robotCode: config.robotCode, templateId: config.approvalCardTemplateId, person: (userId) => directory.person(userId), onApprovalClick: options.onApprovalClick, log });

  const dispatcher = createDispatcher<InboxEntry>({
    log,
    retryDelayMs: tuning.retryDelayMs,
    // Nothing runs until the start-up window has passed (see start()).
    paused: true,
    async handle(entry) {
      const data = JSON.parse(entry.payload) as Record<string, unknown>;
      contexts.set(entry.msgId, replyContext(data));
      const message = await normaliseMessage(data, entry.receivedAt, {
        api,
        directory,
        robotCode: config.robotCode,
        corpId: config.corpId,
        workspaceFor: options.workspaceFor,
        maxFileBytes: config.maxFileBytes ?? 20 * 1024 * 1024,
        fetch: doFetch,
        log,
      });
      await options.onMessage(message);
    },
  });

  async function onRobotMessage(frame: DownstreamFrame, ack: (code: 200 | 404 | 500, data: unknown) => void): Promise<void> {
    const data = frameData(frame);
    const problem = checkRobotData(data);
    if (problem || !data) {
      log(`dingtalk: dropped robot frame ${frame.messageId}: ${problem}`);
      ack(200, { response: null });
      return;
    }
    const receivedAt = new Date().toISOString();
    const entry: InboxEntry = {
      msgId: String(data.msgId),
      frameMessageId: frame.messageId,
      conversationId: String(data.conversationId),
      orderKey: orderKey(Number(data.createAt), receivedAt),
      payload: frame.data,
      receivedAt,
    };
    // Stored first, acknowledged after: a crash in between means DingTalk delivers it again.
    const outcome = await inbox.put(entry);
    ack(200, { response: null });
    if (outcome === 'duplicate') {
      log(`dingtalk: duplicate message ${entry.msgId} (frame ${frame.messageId}) acknowledged and dropped`);
      return;
    }
    void options.audit
      .append({ type: 'message-in', actor: `user:${String(data.senderStaffId || data.senderId)}`, outcome: 'ok', reason: 'DingTalk robot message stored', data: { channel: 'dingtalk', msgId: entry.msgId, conversationId: entry.conversationId, msgtype: data.msgtype } })
      .catch((error: unknown) => log(`dingtalk: audit append failed: ${(error as Error).message}`));
    dispatcher.enqueue(entry.conversationId, entry.msgId, entry, entry.orderKey);
  }

  async function onCardCallback(frame: DownstreamFrame, ack: (code: 200 | 404 | 500, data: unknown) => void): Promise<void> {
    const data = frameData(frame);
    if (!data) {
      log(`dingtalk: card callback ${frame.messageId} has no JSON data; acknowledged`);
      ack(200, { response: {} });
      return;
    }
    const timer = setTimeout(() => ack(200, { response: {} }), CARD_CALLBACK_BUDGET_MS);
    try {
      const response: CardCallbackResponse | undefined = await cards.onCallback(data);
      ack(200, { response: response ?? {} });
    } finally {
      clearTimeout(timer);
    }
  }

  const stream: StreamClient = createStreamClient({
    apiBaseUrl: config.apiBaseUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    topics: [ROBOT_TOPIC, CARD_CALLBACK_TOPIC],
    fetch: doFetch,
    random: options.random,
    log,
    pingIntervalMs: tuning.pingIntervalMs,
    minBackoffMs: tuning.minBackoffMs,
    onCallback(frame, ack) {
      if (frame.topic === ROBOT_TOPIC) return onRobotMessage(frame, ack);
      if (frame.topic === CARD_CALLBACK_TOPIC) return onCardCallback(frame, ack);
      log(`dingtalk: frame ${frame.messageId} on unknown topic ${frame.topic}; answered 404`);
      ack(404, { response: null });
    },
  });

  function contextOf(message: InboundMessage): ReplyContext {
    return contexts.get(message.key) ?? { conversationId: message.conversationId, conversationType: message.conversationType, senderUserId: message.sender.external ? undefined : message.sender.userId };
  }

  let resumeTimer: NodeJS.Timeout | undefined;

  return {
    api,
    async start() {
      for (const entry of await inbox.pending()) dispatcher.enqueue(entry.conversationId, entry.msgId, entry, entry.orderKey);
      await stream.start();
      // After a crash DingTalk redelivers what the dead process never stored, mixed with newer
      // messages; for a short window messages are only stored and queued, then run oldest first.
      resumeTimer = setTimeout(() => dispatcher.resume(), tuning.reorderWindowMs ?? 1000);
    },
    async stop() {
      clearTimeout(resumeTimer);
      await stream.stop();
      await dispatcher.stop();
    },
    replier(message): Replier {
      const context = contextOf(message);
      if (config.cardTemplateId) return createCardReplier({ api, robotCode: config.robotCode, cardTemplateId: config.cardTemplateId, messageKey: message.key, context, log, minIntervalMs: tuning.cardIntervalMs, cardBytes: tuning.cardBytes });
      return createMarkdownReplier({ api, robotCode: config.robotCode, context, fetch: doFetch, log, maxMessageBytes: tuning.maxMessageBytes });
    },
    async markAnswered(key) {
      await inbox.markAnswered(key, new Date().toISOString());
      contexts.delete(key);
      dispatcher.forget(key);
    },
    sendApprovalCard: (request) => cards.send(request),
    finishApprovalCard: (approvalId, outcome) => cards.finish(approvalId, outcome),
    person: (userId) => directory.person(userId),
  };
}
