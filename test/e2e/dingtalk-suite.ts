// Issue 7, acceptance 1 and 4, through real processes: the DingTalk emulator (demo organisation),
// `warden serve` as a child process with the starter policy, the scripted model. An employee's AI
// Table write waits for their manager's approval card and is done as the employee; a read-only
// colleague gets DingTalk's refusal; a customer in the service group gets the FAQ skill and no work
// tools; then bad input: an expired session webhook, a token refresh failure, a click by a
// non-approver, malformed frames. Same body on SQLite and PostgreSQL.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STARTER_POLICY } from '../../src/policy/index.ts';
import { AI_CARD, approvalCardFor, cardText, dingtalkWorld, finalCard, plan, turnOf, type DingtalkWorld } from './dingtalk-support.ts';
import { faultsSuite } from './dingtalk-faults.ts';
import { wardenOk } from './support.ts';

// The starter policy as `warden init` writes it, with the two lines an admin fills in.
export const E2E_POLICY = STARTER_POLICY.replace('# corpId: dingxxxxxxxxxxxxxxxx', 'corpId: dingcorpdemo0001').replace('skills: []  ', 'skills: ["faq-*"]');

const FAQ_SKILL = {
  'SKILL.md': `---\nname: faq-shop\ndescription: Answers customers' questions about returns, delivery and invoices from the shop's FAQ.\n---\n\n# Shop FAQ\n\n- Returns: within 7 days of delivery, unused, with the receipt. Refunds take 3 working days.\n- Delivery: orders paid before 15:00 ship the same day.\n- Invoices: ask your sales contact; invoices are issued within 2 working days.\n`,
};

const ADD_ROW = { name: 'dingtalk_notable_create_records', arguments: { baseId: 'baseSales0001', sheet: '订单', records: [{ fields: { 客户: '丁公司', 金额: 5000, 状态: '新建' } }] } };

export function dingtalkSuite(backend: { name: string; databaseUrl(): Promise<string | undefined> }): void {
  describe(`DingTalk end to end through warden serve on ${backend.name}`, () => {
    let world: DingtalkWorld;
    const rows = () => world.emulator.control.notableRows('baseSales0001', 'sheetOrders0001') ?? [];
    const chatOf = (userId: string) => world.emulator.control.org().users.find((u) => u.userId === userId)!.singleConversationId;

    before(async () => {
      const databaseUrl = await backend.databaseUrl();
      world = await dingtalkWorld({ policy: E2E_POLICY, ...(databaseUrl ? { databaseUrl } : {}) });
      const dir = world.inst.writeTree('src-skills/faq-shop', FAQ_SKILL);
      await wardenOk(world.inst, ['skills', 'add', dir, '--json']);
      await world.startServe();
    });
    after(async () => {
      await world?.close();
    });

    it("adds 张三's row after 王经理 approves on the card; DingTalk records 张三 as the operator; the answer streams into an AI card", async () => {
      // The final answer is written slowly (a pause between stream events), so it must stream into the card.
      const steps = plan([ADD_ROW], (results) => `已添加到订单表。${/Created 1 record/.test(results[0] ?? '') ? '记录已创建。' : `失败：${results[0]}`}`);
      world.inst.setScript((request) => {
        const step = steps(request);
        return 'toolCalls' in step ? step : { ...step, chunkSize: 2, eventDelayMs: 120 };
      });
      const before = rows().length;
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: '在订单表里加一行：丁公司，5000 元，新建' });
      assert.ok(sent.accepted);
      const card = await approvalCardFor(world, 'manager0001');
      assert.match(card.cardData.requester ?? '', /张三/);
      assert.match(cardText(card), /dingtalk_notable_create_records/);
      assert.equal(rows().length, before, 'nothing is written before the approval');
      const click = await world.emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params: { action: 'approve', approvalId: card.cardData.approvalId, nonce: card.cardData.nonce } });
      assert.ok(click.acked);
      const answer = await finalCard(world, sent.conversationId);
      assert.equal(answer.state, 'finished', cardText(answer));
      assert.match(cardText(answer), /已添加到订单表。记录已创建。/);
      const added = rows().filter((r) => r.fields['客户'] === '丁公司');
      assert.equal(added.length, 1);
      assert.equal(added[0]!.createdBy, 'unionUser0001');
      const decided = world.emulator.control.sent(chatOf('manager0001')).cards.find((c) => c.outTrackId === card.outTrackId)!;
      assert.match(decided.cardData.status ?? '', /Approved/);
      assert.equal(decided.cardData.decidedBy, '王经理');
      // The answer was streamed (the card went through `inputting`), not only set at the end.
      const states = world.emulator.control.events(0, sent.conversationId).filter((e) => e.kind === 'card' && e.card.outTrackId === answer.outTrackId).map((e) => (e.kind === 'card' ? e.card.state : ''));
      assert.ok(states.includes('inputting'), states.join(','));
    });

    it("李四 (read-only on 订单) gets DingTalk's permission error, said plainly, and no row", async () => {
      world.inst.setScript(plan([ADD_ROW], (results) => `没有添加成功：${results[0] ?? ''}`));
      const before = rows().length;
      const sent = world.emulator.control.postMessage({ as: 'user0002', content: '在订单表里加一行：丁公司，5000 元，新建' });
      assert.ok(sent.accepted);
      const card = await approvalCardFor(world, 'manager0001');
      assert.match(card.cardData.requester ?? '', /李四/);
      await world.emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params: { action: 'approve', approvalId: card.cardData.approvalId, nonce: card.cardData.nonce } });
      const answer = await finalCard(world, sent.conversationId);
      assert.match(cardText(answer), /forbidden\.operationIllegal/);
      assert.match(cardText(answer), /no permission to edit/);
      assert.equal(rows().length, before);
    });

    it('a restart while an approval waits: serve stops cleanly, and the card sent before the restart still decides the turn', async () => {
      world.inst.setScript(plan([{ ...ADD_ROW, arguments: { ...ADD_ROW.arguments, records: [{ fields: { 客户: '戊公司', 金额: 800, 状态: '新建' } }] } }], (results) => `重启后完成：${/Created 1 record/.test(results[0] ?? '') ? '已创建' : results[0]}`));
      const earlier = world.emulator.control.sent(chatOf('user0001')).cards.filter((c) => c.cardTemplateId === AI_CARD).length;
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: '订单表加一行：戊公司 800 元' });
      const card = await approvalCardFor(world, 'manager0001');
      assert.match(cardText(card), /戊公司/);
      assert.equal(await world.stopServe(), 0, 'serve exits 0 on SIGTERM while a turn waits for approval');
      await world.startServe();
      const cardsToManager = world.emulator.control.sent(chatOf('manager0001')).cards.filter((c) => c.cardData.approvalId === card.cardData.approvalId);
      assert.equal(cardsToManager.length, 1, 'no second approval card after the restart');
      await world.emulator.control.clickCard({ outTrackId: card.outTrackId, as: 'manager0001', params: { action: 'approve', approvalId: card.cardData.approvalId, nonce: card.cardData.nonce } });
      const answer = await finalCard(world, sent.conversationId, earlier);
      assert.match(cardText(answer), /重启后完成：已创建/);
      assert.equal(rows().filter((r) => r.fields['客户'] === '戊公司').length, 1);
    });

    it("a file 张三 sends lands in his conversation's workspace, where the agent reads it", async () => {
      world.inst.setScript((request) => {
        const { user, results } = turnOf(request);
        const path = /inbox\/[^\s,\]]+/.exec(user)?.[0];
        if (results.length === 0) return path ? { toolCalls: [{ name: 'read', arguments: { path } }] } : { text: `no file in: ${user}` };
        return { text: `文件内容：${/季度目标[^\n]*/.exec(results[0] ?? '')?.[0] ?? results[0]}` };
      });
      const earlier = world.emulator.control.sent(chatOf('user0001')).cards.filter((c) => c.cardTemplateId === AI_CARD).length;
      const sent = world.emulator.control.postMessage({ as: 'user0001', content: { type: 'file', file: { name: 'plan.txt', text: '季度目标：新增 30 个客户\n' } } });
      assert.ok(sent.accepted);
      const answer = await finalCard(world, sent.conversationId, earlier);
      assert.match(cardText(answer), /文件内容：季度目标：新增 30 个客户/);
    });

    it('客户小陈 in the service group gets the FAQ skill and is refused the work tools', async () => {
      world.inst.setScript(plan([{ name: 'read', arguments: { path: 'skills/faq-shop/SKILL.md' } }], (results) => `退货：${/Returns: ([^\n.]+)/.exec(results[0] ?? '')?.[1] ?? '不知道'}`));
      const group = 'cidServiceGroup0001';
      const first = world.emulator.control.postMessage({ as: 'customer0001', chat: group, content: '怎么退货？' });
      assert.ok(first.accepted);
      const faq = await finalCard(world, group);
      assert.match(cardText(faq), /退货：within 7 days of delivery, unused, with the receipt/);
      const offered = (world.inst.model.requests.at(-1)?.tools ?? []).map((t) => (t as { function: { name: string } }).function.name);
      assert.deepEqual(offered, ['read'], 'a customer is offered read only');
      assert.match(turnOf(world.inst.model.requests.at(-1)!).system, /faq-shop/);

      // A model that calls a work tool anyway is refused by policy, told so, and DingTalk is not asked.
      world.inst.setScript(plan([{ name: 'dingtalk_notable_query_records', arguments: { baseId: 'baseSales0001', sheet: '订单' } }], (results) => `查不了：${results[0] ?? ''}`));
      const queriesBefore = world.emulator.control.calls().filter((c) => c.api.includes('notable')).length;
      const cards = world.emulator.control.sent(group).cards.filter((c) => c.cardTemplateId === faq.cardTemplateId).length;
      world.emulator.control.postMessage({ as: 'customer0001', chat: group, content: '帮我查一下订单表' });
      const refused = await finalCard(world, group, cards);
      assert.match(cardText(refused), /查不了：.*(not allowed|no rule|denied)/s);
      assert.equal(world.emulator.control.calls().filter((c) => c.api.includes('notable')).length, queriesBefore);
      const audit = (await wardenOk(world.inst, ['audit', 'export'])).trim().split('\n').map((l) => JSON.parse(l) as { type: string; outcome: string; principal?: string; reason?: string; data: Record<string, unknown> });
      const denied = audit.filter((e) => e.type === 'tool-call' && e.data.tool === 'dingtalk_notable_query_records' && e.outcome === 'denied');
      assert.equal(denied.length, 1, JSON.stringify(audit.filter((e) => e.type === 'tool-call').slice(-3)));
      assert.match(String(denied[0]!.reason), /default-deny/);
      // The same person as the FAQ read (an external sender has no staffId; DingTalk gives an opaque id).
      const faqRead = audit.find((e) => e.type === 'tool-call' && e.data.tool === 'read' && (e.data.args as { path?: string }).path === 'skills/faq-shop/SKILL.md');
      assert.equal(denied[0]!.principal, faqRead?.principal);
    });
  });
  faultsSuite(backend, E2E_POLICY);
}

