import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, isSensitiveKey, redact, redactText } from '../../src/audit/index.ts';

describe('redactText', () => {
  const cases: Array<[string, string, string, Parameters<typeof redactText>[1]?]> = [
    ['placeholder', 'key=fake_value_0123abcd-0000-4000-8000-00000000abcd end', 'key=[placeholder] end'],
    ['bearer token', 'Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig', 'Authorization: Bearer [redacted]'],
    ['basic auth', 'basic dXNlcjpwYXNzd29yZA==', 'basic [redacted]'],
    ['URL credentials', 'git clone https://bob:hunter2@git.example.com/r.git', 'git clone https://[redacted]@git.example.com/r.git'],
    ['query token', 'GET https://oapi.example.com/x?access_token=abc123&page=2', 'GET https://oapi.example.com/x?access_token=[redacted]&page=2'],
    ['PEM key', 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- done', 'key: [redacted private-key] done'],
    ['known secret value', 'token is s3cr3t-value ok', 'token is [secret DT_KEY] ok', { secrets: [{ name: 'DT_KEY', value: 's3cr3t-value' }] }],
    ['extra pattern', 'use AKIAABCDEFGHIJKLMNOP now', 'use [redacted aws] now', { patterns: [{ id: 'aws', pattern: /AKIA[0-9A-Z]{16}/ }] }],
    ['ordinary prose untouched', 'The weather in Hangzhou is sunny; see https://weather.example.com/today', 'The weather in Hangzhou is sunny; see https://weather.example.com/today'],
    ['long value cut', 'x'.repeat(20), `${'x'.repeat(8)}…[cut 12 chars]`, { maxString: 8 }],
  ];
  for (const [name, input, expected, options] of cases) {
    it(name, () => assert.equal(redactText(input, options), expected));
  }

  it('masks a secret before cutting, so a secret across the cut never survives in part', () => {
    const out = redactText(`${'a'.repeat(6)}SECRETVALUE`, { secrets: [{ name: 'S', value: 'SECRETVALUE' }], maxString: 10 });
    assert.ok(!out.includes('SECRET'), out);
  });
});

describe('redact', () => {
  it('masks strings under secret-sounding keys at any depth and keeps counters', () => {
    const out = redact({
      headers: { Authorization: 'Bearer x', 'X-Api-Key': 'k', 'Set-Cookie': 'a=b', accept: 'json' },
      client_secret: 'cs',
      credentials: { user: 'bob', nested: ['p1'] },
      password: '',
      usage: { tokens: 1234, prompt_tokens: 5 },
      accessToken: 'tok',
    });
    assert.deepEqual(out, {
      headers: { Authorization: '[redacted]', 'X-Api-Key': '[redacted]', 'Set-Cookie': '[redacted]', accept: 'json' },
      client_secret: '[redacted]',
      credentials: { user: '[redacted]', nested: ['[redacted]'] },
      password: '',
      usage: { tokens: 1234, prompt_tokens: 5 },
      accessToken: '[redacted]',
    });
  });

  const keys: Array<[string, boolean]> = [
    ['password', true], ['db_passwd', true], ['appSecret', true], ['refresh_token', true], ['api-key', true], ['Cookie', true],
    ['private_key', true], ['sig', true], ['tokens', false], ['max_tokens', false], ['tool', false], ['skill', false], ['command', false],
  ];
  for (const [key, sensitive] of keys) it(`isSensitiveKey(${key}) is ${sensitive}`, () => assert.equal(isSensitiveKey(key), sensitive));

  it('turns any value into plain JSON: cycles, depth, sizes, odd types', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    const out = redact(
      {
        cyclic,
        deep: { a: { b: { c: 'd' } } },
        list: [1, 2, 3, 4],
        big: 10n,
        nan: Number.NaN,
        when: new Date('2026-01-02T03:04:05.000Z'),
        bytes: new Uint8Array(3),
        error: new Error('nope'),
        fn: () => 1,
        undef: undefined,
        map: new Map([['k', 'v']]),
      },
      { maxDepth: 3, maxItems: 11 },
    );
    assert.deepEqual(out, {
      cyclic: { name: 'a', self: '[circular]' },
      deep: { a: { b: '[too deep]' } },
      list: [1, 2, 3, 4],
      big: '10',
      nan: 'NaN',
      when: '2026-01-02T03:04:05.000Z',
      bytes: '[3 bytes]',
      error: { name: 'Error', message: 'nope' },
      fn: '[function]',
      undef: null,
      map: { k: 'v' },
    });
    assert.deepEqual(redact({ list: [1, 2, 3, 4] }, { maxItems: 2 }), { list: [1, 2, '…[2 more items]'] });
    assert.deepEqual(redact({ a: 1, b: 2, c: 3 }, { maxItems: 2 }), { a: 1, b: 2, '…': '[1 more keys]' });
    // Shared (non-cyclic) references are not cycles.
    const shared = { x: 1 };
    assert.deepEqual(redact({ p: shared, q: shared }), { p: { x: 1 }, q: { x: 1 } });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and adds no whitespace', () => {
    assert.equal(canonicalJson({ b: [{ z: 1, a: 2 }], a: 'x', c: null }), '{"a":"x","b":[{"a":2,"z":1}],"c":null}');
  });
  it('is the same for the same value built in another key order', () => {
    assert.equal(canonicalJson({ x: 1, y: { p: true, q: 'é' } }), canonicalJson({ y: { q: 'é', p: true }, x: 1 }));
  });
  it('refuses non-finite numbers', () => {
    assert.throws(() => canonicalJson(Number.POSITIVE_INFINITY), /not a JSON number/);
  });
});
