// The emulator's HTTP APIs with plain fetch: tokens and token failures, session webhook expiry,
// robot sends and file download, cards (unique outTrackId, streaming, clicks), contacts, org errors.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseOrg, startDingtalkEmulator, type DingtalkEmulator } from '../../../src/emulator/dingtalk/index.ts';
import { APP, call, connect, token } from './helpers.ts';

let e: DingtalkEmulator;
let now = 1_700_000_000_000;
before(async () => {
  e = await startDingtalkEmulator({ now: () => now, sessionWebhookTtlMs: 60_000, cardCallbackTimeoutMs: 1000 });
});
after(() => e.close());

const v1 = async (method: string, path: string, body?: unknown) => call(e.url, method, path, body, { 'x-acs-dingtalk-access-token': await token(e.url) });

test('tokens: the same token while valid; bad credentials, bad tokens and injected failures get DingTalk bodies', async () => {
  assert.equal(await token(e.url), await token(e.url));
  const wrong = await call(e.url, 'POST', '/v1.0/oauth2/accessToken', { appKey: APP.clientId, appSecret: 'x' });
  assert.deepEqual([wrong.status, wrong.body.code], [400, 'invalidClientIdOrSecret']);
  const bad = await call(e.url, 'POST', '/v1.0/robot/groupMessages/send', {}, { 'x-acs-dingtalk-access-token': 'nope' });
  assert.deepEqual([bad.status, bad.body.code, typeof bad.body.requestid], [400, 'InvalidAuthentication', 'string']);
  const legacy = await call(e.url, 'GET', `/gettoken?appkey=${APP.clientId}&appsecret=${APP.clientSecret}`);
  assert.equal(legacy.body.errcode, 0);
  const oapiBad = await call(e.url, 'POST', '/topapi/v2/user/get?access_token=nope', { userid: 'user0001' });
  assert.equal(oapiBad.body.errcode, 40014);
  e.control.failTokenRequests(1);
  assert.equal((await call(e.url, 'POST', '/v1.0/oauth2/accessToken', { appKey: APP.clientId, appSecret: APP.clientSecret })).status, 500);
  const old = await token(e.url);
  e.control.revokeTokens();
  const revoked = await call(e.url, 'POST', '/v1.0/robot/groupMessages/send', {}, { 'x-acs-dingtalk-access-token': old });
  assert.equal(revoked.body.code, 'InvalidAuthentication');
});

test('session webhook: replies land in the chat until it expires, then errcode 300001', async () => {
  const posted = e.control.postMessage({ as: 'user0001', content: 'hi' });
  assert.ok(posted.accepted);
  const path = new URL(posted.sessionWebhook).pathname + new URL(posted.sessionWebhook).search;
  const ok = await call(e.url, 'POST', path, { msgtype: 'markdown', markdown: { title: 't', text: '**收到**' } });
  assert.deepEqual(ok.body, { errcode: 0, errmsg: 'ok' });
  assert.equal(e.control.sent(posted.conversationId).messages.at(-1)!.text, '**收到**');
  const wrongType = await call(e.url, 'POST', path, { msgtype: 'image' });
  assert.notEqual(wrongType.body.errcode, 0);
  now += 60_001;
  const expired = await call(e.url, 'POST', path, { msgtype: 'text', text: { content: 'late' } });
  assert.deepEqual(expired.body, { errcode: 300001, errmsg: 'session 不存在' });
});

test('robot OpenAPI sends check msgKey/msgParam; unknown users come back as invalidStaffIdList', async () => {
  const base = { robotCode: APP.clientId, msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: 't', text: 'hello' }) };
  const sent = await v1('POST', '/v1.0/robot/oToMessages/batchSend', { ...base, userIds: ['user0002', 'ghost'] });
  assert.equal(sent.status, 200);
  assert.deepEqual(sent.body.invalidStaffIdList, ['ghost']);
  const objectParam = await v1('POST', '/v1.0/robot/oToMessages/batchSend', { ...base, userIds: ['user0002'], msgParam: { title: 't', text: 'x' } });
  assert.deepEqual([objectParam.status, objectParam.body.code], [400, 'invalidParameter.msgParam.invalid']);
  const badKey = await v1('POST', '/v1.0/robot/groupMessages/send', { ...base, msgKey: 'sampleHtml', openConversationId: 'cidSalesGroup0001' });
  assert.equal(badKey.body.code, 'invalidParameter.msgParam.invalid');
  const group = await v1('POST', '/v1.0/robot/groupMessages/send', { ...base, openConversationId: 'cidSalesGroup0001' });
  assert.equal(typeof group.body.processQueryKey, 'string');
  assert.equal(e.control.sent('cidSalesGroup0001').messages[0]!.text, 'hello');
});

test('a picture a user sends can be downloaded through messageFiles/download', async () => {
  const client = await connect(e.url);
  e.control.postMessage({ as: 'user0001', content: { type: 'picture', file: { name: 'p.png', contentBase64: Buffer.from('PNGDATA').toString('base64'), contentType: 'image/png' } } });
  const data = JSON.parse((await client.next((f) => JSON.parse(f.data).msgtype === 'picture')).data);
  client.close();
  const link = await v1('POST', '/v1.0/robot/messageFiles/download', { downloadCode: data.content.downloadCode, robotCode: APP.clientId });
  const bytes = await (await fetch(link.body.downloadUrl)).text();
  assert.equal(bytes, 'PNGDATA');
  const unknown = await v1('POST', '/v1.0/robot/messageFiles/download', { downloadCode: 'nope', robotCode: APP.clientId });
  assert.equal(unknown.status, 400);
});

test('cards: unique outTrackId, string params, streaming by guid, final state', async () => {
  const card = { cardTemplateId: 'tpl.schema', outTrackId: 'card-1', cardData: { cardParamMap: { msgContent: '' } }, openSpaceId: 'dtv1.card//IM_ROBOT.user0001', imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT' } };
  const created = await v1('POST', '/v1.0/card/instances/createAndDeliver', card);
  assert.equal(created.body.result.deliverResults[0].success, true);
  assert.equal((await v1('POST', '/v1.0/card/instances/createAndDeliver', card)).body.code, 'param.cardAlreadyExist');
  const numeric = await v1('POST', '/v1.0/card/instances/createAndDeliver', { ...card, outTrackId: 'card-2', cardData: { cardParamMap: { n: 1 } } });
  assert.equal(numeric.status, 400);
  const stream = (guid: string, content: string, extra: object = {}) => v1('PUT', '/v1.0/card/streaming', { outTrackId: 'card-1', guid, key: 'msgContent', content, isFull: true, ...extra });
  await stream('g1', '你好');
  await stream('g1', 'ignored retry');
  await stream('g2', '你好，世界', { isFinalize: true });
  const view = e.control.sent().cards.find((c) => c.outTrackId === 'card-1')!;
  assert.deepEqual([view.streaming.msgContent, view.state], ['你好，世界', 'finished']);
  assert.equal((await stream('g3', 'x', { outTrackId: 'missing' })).body.code, 'param.stream.outTrackId');
});

test('a card click reaches the bot as a callback frame; the ACK response updates the card', async () => {
  await v1('POST', '/v1.0/card/instances/createAndDeliver', {
    cardTemplateId: 'approval.schema', outTrackId: 'approve-1', cardData: { cardParamMap: { status: '待审批' } },
    openSpaceId: 'dtv1.card//IM_ROBOT.manager0001', imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT' },
  });
  const client = await connect(e.url);
  const clicked = e.control.clickCard({ outTrackId: 'approve-1', as: 'manager0001', actionIds: ['approve'], params: { action: 'accept' } });
  const frame = await client.next((f) => f.headers.topic === '/v1.0/card/instances/callback');
  const data = JSON.parse(frame.data);
  assert.equal(data.userId, 'manager0001');
  assert.deepEqual(JSON.parse(data.content).cardPrivateData.params, { action: 'accept' });
  client.ack(frame, { response: { cardData: { cardParamMap: { status: '已同意' } }, cardUpdateOptions: { updateCardDataByKey: true } } });
  assert.equal((await clicked).acked, true);
  assert.equal(e.control.sent().cards.find((c) => c.outTrackId === 'approve-1')!.cardData.status, '已同意');
  assert.throws(() => e.control.clickCard({ outTrackId: 'approve-1', as: 'nobody' }), /no user/);
  client.close();
});

test('contacts: user, unionId lookup, departments; unknown ids get DingTalk errcodes', async () => {
  const t = await token(e.url);
  const oapi = (path: string, body: unknown) => call(e.url, 'POST', `${path}?access_token=${t}`, body);
  const user = await oapi('/topapi/v2/user/get', { userid: 'user0001' });
  assert.deepEqual([user.body.result.unionid, user.body.result.manager_userid, user.body.result.dept_id_list], ['unionUser0001', 'manager0001', [2, 3]]);
  assert.equal((await oapi('/topapi/v2/user/get', { userid: 'customer0001' })).body.errcode, 33012);
  assert.equal((await oapi('/topapi/user/getbyunionid', { unionid: 'unionUser0002' })).body.result.userid, 'user0002');
  assert.equal((await oapi('/topapi/user/getbyunionid', { unionid: 'x' })).body.errcode, 60121);
  assert.equal((await oapi('/topapi/v2/department/get', { dept_id: 2 })).body.result.name, '销售部');
  assert.equal((await oapi('/topapi/v2/department/get', { dept_id: 99 })).body.errcode, 60003);
  assert.deepEqual((await oapi('/topapi/v2/department/listsub', { dept_id: 1 })).body.result.map((d: any) => d.dept_id), [2, 3]);
  assert.deepEqual((await oapi('/topapi/v2/department/listparentbyuser', { userid: 'user0002' })).body.result.parent_list, [{ parent_dept_id_list: [2, 1] }]);
});

test('org YAML errors name the key', () => {
  const app = { clientId: 'a', clientSecret: 'b', corpId: 'c' };
  assert.throws(() => parseOrg({ app, users: [{ userId: 'u', unionId: 'n', name: 'N', managerUserId: 'ghost' }] }, 'org.yaml'), /org\.yaml: users\.0\.managerUserId: no user/);
  assert.throws(() => parseOrg({ app: { clientId: 'a' }, users: [] }, 'org.yaml'), /org\.yaml: app\.clientSecret/);
  assert.throws(() => parseOrg({ app, users: [{ userId: 'u', unionId: 'n', name: 'N' }], chats: [{ conversationId: 'c1', title: 't', type: 'group', members: ['x'] }] }, 'o'), /chats\.0\.members\.0/);
});
