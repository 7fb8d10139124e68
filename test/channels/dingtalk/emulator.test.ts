// The channel against the DingTalk emulator, end to end over its real HTTP and WebSocket: receiving
// as the demo org's people, replies in the three modes (session webhook, OpenAPI after the webhook
// expired, AI card streaming), long answers split, attachments downloaded, approval cards clicked by
// an approver, a non-approver and a replay.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ApprovalClick, DingtalkChannelConfig, InboundMessage } from '../../../src/channels/dingtalk/index.ts';
import { startDingtalkEmulator, type DingtalkEmulator } from '../../../src/emulator/dingtalk/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { channelOn, sqliteStore } from './helpers.ts';

let emulator: DingtalkEmulator;
let store: Store;
before(async () => {
  emulator = await startDingtalkEmulator();
  store = (await sqliteStore()).store;
});
after(async () => {
  await emulator.close();
  await store.close();
});

const APP = { clientId: 'dingdemoapp0001', clientSecret: 'demo-secret-not-for-production', robotCode: 'dingdemoapp0001', corpId: 'dingcorpdemo0001' };

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function connected(config: Partial<DingtalkChannelConfig> = {}, overrides: Parameters<typeof channelOn>[2] = {}, on: Store = store) {
  const test = channelOn(on, { ...APP, apiBaseUrl: emulator.url, oapiBaseUrl: emulator.url, ...config }, { tuning: { cardIntervalMs: 20, maxMessageBytes: 200, minBackoffMs: 20, retryDelayMs: 10 }, ...overrides });
  await test.channel.start();
  await waitFor(() => emulator.control.connections().some((c) => c.state === 'open'));
  return test;
}

function say(as: string, content: Parameters<DingtalkEmulator['control']['postMessage']>[0]['content'], chat?: string) {
  const result = emulator.control.postMessage({ as, content, ...(chat ? { chat } : {}) });
  assert.ok(result.accepted, JSON.stringify(result));
  return result;
}

describe('dingtalk channel against the emulator', () => {
  it('answers a 1:1 message through the session webhook, then through the OpenAPI once it expired', async () => {
    const { channel, received, logs } = await connected();
    try {
      const first = say('user0001', '你好');
      const message = await waitFor(() => received.find((m) => m.key === first.msgId));
      assert.equal(message.text, '你好');
      assert.equal(message.sender.unionId, 'unionUser0001');
      assert.equal(message.sender.managerUserId, 'manager0001');
      await channel.replier(message).final('**第一条**');
      await channel.markAnswered(message.key);
      const second = say('user0001', '再来');
      const next = await waitFor(() => received.find((m) => m.key === second.msgId));
      emulator.control.expireSessions();
      await channel.replier(next).final('第二条');
      const sent = emulator.control.sent(first.conversationId).messages;
      assert.deepEqual(sent.map((m) => m.via), ['sessionWebhook', 'otoMessages']);
      assert.ok(logs.some((l) => l.includes('session webhook refused')));
    } finally {
      await channel.stop();
    }
  });

  it('answers in a group through the OpenAPI after expiry, splitting a long answer at markdown boundaries', async () => {
    const { channel, received } = await connected();
    try {
      const posted = say('user0001', '汇总一下', 'cidSalesGroup0001');
      const message = await waitFor(() => received.find((m) => m.key === posted.msgId));
      assert.equal(message.conversationType, 'group');
      assert.equal(message.chatTitle, '销售部');
      emulator.control.expireSessions();
      const answer = ['## 一', 'a'.repeat(120), '## 二', 'b'.repeat(120), '## 三', 'c'.repeat(120), '```\ncode\n```'].join('\n\n');
      await channel.replier(message).final(answer);
      const sent = emulator.control.sent('cidSalesGroup0001').messages;
      assert.ok(sent.length >= 3, `${sent.length} messages`);
      assert.ok(sent.every((m) => m.via === 'groupMessages'));
      assert.ok(sent.some((m) => m.text.includes('```\ncode\n```')));
    } finally {
      await channel.stop();
    }
  });

  it('streams into an AI card, finalises it, and a repeat for the same message continues the same card', async () => {
    const { channel, received } = await connected({ cardTemplateId: 'ai-card.schema' });
    try {
      const posted = say('user0002', '订单有多少');
      const message = await waitFor(() => received.find((m) => m.key === posted.msgId));
      const replier = channel.replier(message);
      replier.progress('reading sheet 订单…');
      for (const piece of ['共 ', '3 ', '条']) replier.delta(piece);
      await replier.final('共 3 条订单');
      const cards = emulator.control.sent(posted.conversationId).cards;
      assert.equal(cards.length, 1);
      assert.equal(cards[0]!.state, 'finished');
      assert.equal(cards[0]!.streaming.msgContent, '共 3 条订单');
      const finishedAt = emulator.control.lastSeq();
      await channel.replier(message).final('共 3 条订单');
      assert.equal(emulator.control.sent(posted.conversationId).cards.length, 1);
      // The repeat (as after a restart) never blanked the finished card with a placeholder.
      const later = emulator.control.events(finishedAt, posted.conversationId).filter((e) => e.kind === 'card');
      assert.ok(later.length > 0);
      for (const e of later) if (e.kind === 'card') assert.equal(e.card.streaming.msgContent, '共 3 条订单');
    } finally {
      await channel.stop();
    }
  });

  it('marks the card failed when the answer fails', async () => {
    const { channel, received } = await connected({ cardTemplateId: 'ai-card.schema' });
    try {
      const posted = say('manager0001', '出错吧');
      const message = await waitFor(() => received.find((m) => m.key === posted.msgId));
      await channel.replier(message).fail('the model is unavailable');
      const card = emulator.control.sent(posted.conversationId).cards[0]!;
      assert.equal(card.state, 'failed');
      assert.match(card.streaming.msgContent ?? '', /the model is unavailable/);
    } finally {
      await channel.stop();
    }
  });

  it('downloads a file into the conversation workspace and reads audio as its recognised text', async () => {
    const { channel, received } = await connected();
    try {
      const file = say('user0001', { type: 'file', file: { name: '报表.txt', text: '金额 12000' } });
      const message = await waitFor(() => received.find((m) => m.key === file.msgId));
      assert.equal(message.attachments.length, 1);
      assert.equal(message.attachments[0]!.name, '报表.txt');
      assert.equal(readFileSync(message.attachments[0]!.path, 'utf8'), '金额 12000');
      const audio = say('user0001', { type: 'audio', file: { name: 'v.amr', text: 'x' }, recognition: '查一下订单' });
      assert.equal((await waitFor(() => received.find((m) => m.key === audio.msgId))).text, '查一下订单');
    } finally {
      await channel.stop();
    }
  });

  it('a token refresh failure leaves the message stored and unanswered, with a clear log line', async () => {
    // A store of its own: no earlier message is picked up (and its sender's token fetched) on start.
    const own = (await sqliteStore()).store;
    const { channel, received, logs } = await connected({}, {}, own);
    try {
      emulator.control.revokeTokens();
      emulator.control.failTokenRequests(10);
      const posted = say('user0002', '在吗');
      await waitFor(() => logs.find((l) => l.includes(`message ${posted.msgId} failed 3 times`)));
      assert.ok(logs.some((l) => l.includes('cannot get a DingTalk access token')));
      assert.equal(received.filter((m) => m.key === posted.msgId).length, 0);
      const row = await own.db.selectFrom('dingtalk_inbox').selectAll().where('msg_id', '=', posted.msgId).executeTakeFirst();
      assert.equal(row?.answered_at, null);
      assert.ok(emulator.control.acks().some((a) => a.msgId === posted.msgId));
    } finally {
      await channel.stop();
      await own.close();
      emulator.control.failTokenRequests(0);
    }
  });

  it('an external customer in a service group is external', async () => {
    const { channel, received } = await connected();
    try {
      const posted = say('customer0001', '请问发货了吗', 'cidServiceGroup0001');
      const message: InboundMessage = await waitFor(() => received.find((m) => m.key === posted.msgId));
      assert.equal(message.sender.external, true);
      assert.deepEqual(message.sender.departments, []);
    } finally {
      await channel.stop();
    }
  });

  it('approval card: a non-approver and a replay are refused, the approver decides once, every copy shows it', async () => {
    const clicks: ApprovalClick[] = [];
    const { channel, logs } = await connected({ approvalCardTemplateId: 'approval.schema' }, { onApprovalClick: async (click) => (clicks.push(click), { accepted: true, message: '已记录' }) });
    try {
      const requester = await channel.person('user0001');
      await channel.sendApprovalCard({ approvalId: 'ap-1', approverUserIds: ['manager0001'], requester, action: 'add a row to 订单', reason: 'customer order', expiresAt: new Date(Date.now() + 600_000).toISOString() });
      const card = emulator.control.sent().cards.find((c) => c.outTrackId.includes('ap-1'))!;
      assert.equal(card.cardData.status, '待审批 Pending');
      const params = { action: 'approve', approvalId: card.cardData.approvalId, nonce: card.cardData.nonce };
      const stranger = await emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'user0002', params });
      assert.ok(stranger.acked);
      assert.equal(clicks.length, 0);
      assert.ok(logs.some((l) => l.includes('not an approver')));
      const forged = await emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params: { ...params, nonce: 'guess' } });
      assert.ok(forged.acked);
      assert.equal(clicks.length, 0);
      const real = await emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params });
      assert.ok(real.acked);
      assert.deepEqual(clicks.map((c) => [c.approvalId, c.decision, c.by.userId]), [['ap-1', 'approve', 'manager0001']]);
      const replay = await emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params });
      assert.ok(replay.acked);
      assert.equal(clicks.length, 1);
      await channel.finishApprovalCard('ap-1', { decision: 'approved', by: clicks[0]!.by });
      const after = emulator.control.sent().cards.find((c) => c.outTrackId === card.outTrackId)!;
      assert.equal(after.cardData.status, '已同意 Approved');
      assert.equal(after.cardData.decidedBy, '王经理');
    } finally {
      await channel.stop();
    }
  });
});
