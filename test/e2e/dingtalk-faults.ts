// Issue 7, acceptance 4, through `warden serve`: answers as markdown (no AI card template) so the
// session webhook is used, and serve's Stream socket runs through a frame tap. Each fault must give
// a clear log line on serve's stderr, no crash, and no lost message.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { approvalCardFor, dingtalkWorld, messagesIn, plan, type DingtalkWorld } from './dingtalk-support.ts';
import { until, wardenOk } from './support.ts';

const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

function frame(messageId: string, topic: string, data: string): string {
  return JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers: { topic, messageId, contentType: 'application/json', time: String(Date.now()), appId: 'tap' }, data });
}

export function faultsSuite(backend: { name: string; databaseUrl(): Promise<string | undefined> }, policy: string): void {
  describe(`DingTalk bad input through warden serve on ${backend.name}`, () => {
    let world: DingtalkWorld;
    const chatOf = (userId: string) => world.emulator.control.org().users.find((u) => u.userId === userId)!.singleConversationId;
    const texts = (userId: string) => messagesIn(world, chatOf(userId)).map((m) => m.text);
    const alive = () => world.serve!.child.exitCode === null && world.serve!.child.signalCode === null;

    before(async () => {
      const databaseUrl = await backend.databaseUrl();
      world = await dingtalkWorld({ policy, aiCards: false, tap: true, ...(databaseUrl ? { databaseUrl } : {}) });
      await world.startServe();
    });
    after(async () => {
      await world?.close();
    });

    it('a token refresh failure is logged, nothing crashes, and the message is answered once after a restart', async () => {
      world.inst.setScript(() => ({ text: '李四你好，收到。' }));
      world.emulator.control.revokeTokens();
      world.emulator.control.failTokenRequests(1_000_000);
      const sent = world.emulator.control.postMessage({ as: 'user0002', content: '你好' });
      assert.ok(sent.accepted);
      await until('the message to be given up for now', () => (world.log().includes('left unanswered for the next start') ? true : undefined));
      assert.match(world.log(), /cannot get a DingTalk access token for app dingdemoapp0001/);
      assert.ok(alive(), 'serve still runs');
      assert.ok(world.emulator.control.acks().some((a) => a.msgId === sent.msgId && a.code === 200), 'the stored message was acknowledged');
      assert.deepEqual(texts('user0002'), []);
      world.emulator.control.failTokenRequests(0);
      assert.equal(await world.stopServe(), 0);
      await world.startServe();
      await until('the answer after the restart', () => (texts('user0002').length ? true : undefined));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(texts('user0002'), ['李四你好，收到。']);
    });

    it('an expired session webhook still gets the answer, through the robot OpenAPI', async () => {
      world.inst.setScript(() => ({ delayMs: 800, then: { text: '会话过期后也能收到。' } }));
      const asked = world.inst.model.requests.length;
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: '在吗' });
      assert.ok(sent.accepted);
      await until('the model to be asked', () => (world.inst.model.requests.length > asked ? true : undefined));
      world.emulator.control.expireSessions();
      const reply = await until('the answer', () => messagesIn(world, sent.conversationId).find((m) => m.text.includes('会话过期后也能收到')));
      assert.equal(reply.via, 'otoMessages');
      assert.match(world.log(), /session webhook refused \(\d+ 300001/);
    });

    it('a card click by a non-approver is refused and logged; the approval stays pending; the manager can still approve', async () => {
      world.inst.setScript(plan([{ name: 'dingtalk_notable_create_records', arguments: { baseId: 'baseSales0001', sheet: '订单', records: [{ fields: { 客户: '戊公司', 金额: 700 } }] } }], (r) => (/Created 1 record/.test(r[0] ?? '') ? '已添加戊公司。' : `失败：${r[0]}`)));
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: '加一行 戊公司 700' });
      assert.ok(sent.accepted);
      const card = await approvalCardFor(world, 'manager0001');
      const params = { action: 'approve', approvalId: card.cardData.approvalId, nonce: card.cardData.nonce };
      const stranger = await world.emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'user0002', params });
      assert.ok(stranger.acked, 'the callback is answered, not left hanging');
      await until('the refusal log line', () => (/click by user0002 on \S+ refused: .*not an approver/.test(world.log()) ? true : undefined));
      const pending = JSON.parse(await wardenOk(world.inst, ['approvals', 'list', '--json'])) as Array<{ id: string; status: string }>;
      assert.equal(pending.length, 1);
      assert.equal(pending[0]!.status, 'pending');
      const rows = () => (world.emulator.control.notableRows('baseSales0001', 'sheetOrders0001') ?? []).filter((r) => r.fields['客户'] === '戊公司');
      assert.equal(rows().length, 0);
      await world.emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params });
      await until('the answer', () => messagesIn(world, sent.conversationId).find((m) => m.text.includes('已添加戊公司')));
      assert.equal(rows().length, 1);
      assert.equal(rows()[0]!.createdBy, 'unionUser0001');
    });

    it('malformed frames, unknown topics and bad robot payloads are logged and dropped; serve keeps answering', async () => {
      const tap = world.tap!;
      assert.ok(tap.inject('this is not json {') > 0, 'serve is connected through the tap');
      tap.inject(JSON.stringify({ type: 'CALLBACK', data: '{}' }));
      tap.inject(JSON.stringify({ specVersion: '1.0', type: 'WHATEVER', headers: { topic: ROBOT_TOPIC, messageId: 'tap-type' }, data: '{}' }));
      tap.inject(frame('tap-unknown-topic', '/v1.0/something/new', '{"hello":1}'));
      tap.inject(frame('tap-bad-robot', ROBOT_TOPIC, JSON.stringify({ msgtype: 'text' })));
      tap.inject(frame('tap-not-json-data', ROBOT_TOPIC, 'not json either'));
      tap.inject(frame('tap-oversized', ROBOT_TOPIC, JSON.stringify({ msgtype: 'text', text: { content: 'x'.repeat(1_100_000) } })));
      tap.inject(frame('tap-card-nodata', '/v1.0/card/instances/callback', ''));
      await until('the log lines of the bad frames', () => {
        const log = world.log();
        const lines = [/ignored a bad frame: frame is not JSON/, /ignored a bad frame: frame has no headers/, /is not SYSTEM, EVENT or CALLBACK/, /frame tap-unknown-topic on unknown topic/, /dropped robot frame tap-bad-robot/, /over the \d+-byte limit/];
        return lines.every((l) => l.test(log)) ? true : undefined;
      });
      const acks = tap.upstream.map((t) => JSON.parse(t) as { code?: number; headers?: { messageId?: string } });
      assert.equal(acks.find((a) => a.headers?.messageId === 'tap-unknown-topic')?.code, 404);
      assert.ok(alive(), 'serve still runs');
      world.inst.setScript(() => ({ text: '还在。' }));
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: '还在吗' });
      await until('an answer after the bad frames', () => messagesIn(world, sent.conversationId).find((m) => m.text === '还在。'));
      assert.doesNotMatch(world.log(), /internal error/);
    });
  });
}
