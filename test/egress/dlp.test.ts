import assert from 'node:assert/strict';
import { gzipSync, deflateSync } from 'node:zlib';
import { test } from 'node:test';
import { createDlp, createEgressFilter, decodeContentEncoding, fingerprintSecret, type PlaceholderRule } from '../../src/egress/index.ts';

const SECRET = 'realvalue-9f8e7d6c5b4a39281706';
const dlp = createDlp({ secrets: [{ name: 'svc', value: SECRET }], canaries: [{ name: 'ssh', content: '-----BEGIN X-----\nCANARY-ssh-0a1b2c3d4e5f\n' }] });
const b64 = (s: string) => Buffer.from(s).toString('base64');

test('a stored secret is found in every common encoding', () => {
  const forms: Array<[string, string]> = [
    ['plain', `token=${SECRET}`],
    ['base64', b64(`x:${SECRET}`)],
    ['base64 at an offset', `data=${b64(`ab${SECRET}`)}`],
    ['base64url', Buffer.from(`??${SECRET}>>`).toString('base64url')],
    ['hex', Buffer.from(SECRET).toString('hex')],
    ['HEX', Buffer.from(SECRET).toString('hex').toUpperCase()],
    ['url-encoded', encodeURIComponent(`a b/${SECRET}`)],
    ['percent every byte', [...SECRET].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')],
    ['json escapes', JSON.stringify({ v: SECRET }).replace(/r/g, '\\u0072')],
    ['base64 of hex', b64(Buffer.from(SECRET).toString('hex'))],
    ['multipart', `--b\r\nContent-Disposition: form-data; name="f"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(SECRET)}\r\n--b--`],
  ];
  for (const [what, text] of forms) assert.equal(dlp.scan([text])?.rule, 'dlp-secret', what);
});

test('fingerprints recognise an ungranted secret without holding it', () => {
  const only = createDlp({ fingerprints: fingerprintSecret('other', SECRET) });
  assert.equal(only.scan([`q=${SECRET}`])?.name, 'other');
  assert.equal(only.scan([b64(SECRET)])?.rule, 'dlp-secret');
  assert.equal(only.scan(['nothing here']), undefined);
});

test('canary contents, private keys and token formats are refused; reasons never hold the value', () => {
  assert.equal(dlp.scan(['{"k":"CANARY-ssh-0a1b2c3d4e5f"}'])?.rule, 'dlp-canary');
  const tokens: Array<[string, string]> = [
    ['private-key', '-----BEGIN OPENSSH PRIVATE KEY-----\nabc'],
    ['aws-access-key', 'id=AKIAQWERTYUIOPASDFGH'],
    ['github-token', `ghp_${'a1B2'.repeat(9)}`],
    ['github-token', `github_pat_${'x1'.repeat(30)}`],
    ['slack-token', 'xoxb-1234567890-abcdefghij'],
    ['openai-key', `sk-proj-${'Ab3'.repeat(12)}`],
    ['dingtalk-app-secret', `{"appSecret":"${'Zx9-'.repeat(12)}"}`],
  ];
  for (const [id, text] of tokens) {
    const f = dlp.scan([text]);
    assert.equal(f?.rule, 'dlp-token', id);
    assert.equal(f?.name, id);
    assert.ok(!f!.reason.includes(text));
  }
  assert.ok(!dlp.scan([SECRET])!.reason.includes(SECRET));
});

test('no false positive on ordinary JSON, prose and code', () => {
  const ordinary = [
    JSON.stringify({ id: 123456789, name: 'Quarterly report', tags: ['finance', 'q3'], created: '2026-11-24T10:00:00Z', uuid: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' }),
    JSON.stringify({ messages: [{ role: 'user', content: 'Summarise the sales table for the east region please.' }], model: 'qwen-max', temperature: 0.2 }),
    JSON.stringify({ sha: 'e83c5163316f89bfbde7d9ab23ca2e25604af290', path: 'src/index.ts', size: 2048 }),
    'The deploy finished at 10:42; see https://example.com/builds/20261124-1042 for the log.',
    'function add(a, b) { return a + b } // skipped: secretKey = process.env.KEY',
    'SELECT id, total FROM orders WHERE created_at > now() - interval \'7 days\'',
    'aGVsbG8gd29ybGQgdGhpcyBpcyBqdXN0IGEgdGVzdA==',
  ];
  for (const text of ordinary) assert.equal(dlp.scan([text]), undefined, text);
});

test('Content-Encoding gzip and deflate are undone before scanning', () => {
  const body = Buffer.from(`x=${SECRET}`);
  assert.equal(decodeContentEncoding(gzipSync(body), 'gzip').toString(), body.toString());
  assert.equal(decodeContentEncoding(deflateSync(body), 'deflate').toString(), body.toString());
  assert.throws(() => decodeContentEncoding(body, 'zstd-unknown'));
});

const PLACEHOLDER = 'fake_value_3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const rule: PlaceholderRule = { name: 'svc', env: 'TOKEN', hosts: [{ host: 'api.example', port: 443 }], paths: ['/v1/'], headers: ['authorization'] };
function filter() {
  const decisions: Array<{ outcome: string; rule: string }> = [];
  const f = createEgressFilter({
    allowHosts: [{ host: 'api.example', port: 443 }, { host: 'other.example', port: 443 }],
    dlp,
    placeholders: () => new Map([[PLACEHOLDER, rule]]),
    onDecision: (d) => decisions.push(d),
  });
  return { f, decisions };
}
const https = { scheme: 'https' as const };

test('egress filter: allow-list, DLP, placeholder host, route, header, body and plaintext rules', async () => {
  const { f, decisions } = filter();
  const req = (url: string, init: RequestInit = {}) => new Request(url, init);
  const cases: Array<[Request, object, string, string]> = [
    [req('https://api.example/v1/me', { headers: { authorization: `Bearer ${PLACEHOLDER}` } }), { ...https, target: { host: 'api.example', port: 443 } }, 'allow', 'allowed-with-secret'],
    [req('https://evil.example/'), { ...https, target: { host: 'evil.example', port: 443 } }, 'deny', 'host-not-allowed'],
    [req('https://other.example/', { headers: { authorization: `Bearer ${PLACEHOLDER}` } }), { ...https, target: { host: 'other.example', port: 443 } }, 'deny', 'placeholder-leak'],
    [req('https://api.example/v1/echo', { method: 'POST', body: `t=${PLACEHOLDER}` }), { ...https, target: { host: 'api.example', port: 443 } }, 'deny', 'placeholder-in-body'],
    [req('https://api.example/gists', { headers: { authorization: `Bearer ${PLACEHOLDER}` } }), { ...https, target: { host: 'api.example', port: 443 } }, 'deny', 'secret-route'],
    [req('https://api.example/v1/me', { headers: { 'x-token': PLACEHOLDER } }), { ...https, target: { host: 'api.example', port: 443 } }, 'deny', 'secret-route'],
    [req('http://api.example:443/v1/me', { headers: { authorization: `Bearer ${PLACEHOLDER}` } }), { scheme: 'http', target: { host: 'api.example', port: 443 } }, 'deny', 'placeholder-plaintext'],
    [req('https://other.example/up', { method: 'POST', body: gzipSync(`x=${SECRET}`), headers: { 'content-encoding': 'gzip' } }), { ...https, target: { host: 'other.example', port: 443 } }, 'deny', 'dlp-secret'],
    [req('https://other.example/up', { method: 'POST', body: JSON.stringify({ title: 'ordinary' }) }), { ...https, target: { host: 'other.example', port: 443 } }, 'allow', 'allowed'],
  ];
  for (const [request, info, action, ruleId] of cases) {
    const d = await f(request, info);
    assert.equal(d.action, action, `${request.url} ${ruleId}`);
    assert.equal(decisions.at(-1)?.rule, ruleId, request.url);
  }
});
