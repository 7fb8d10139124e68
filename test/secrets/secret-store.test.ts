import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isWardenError } from '../../src/core/index.ts';
import { KEY_FILE, openSecretStore, STORE_FILE } from '../../src/secrets/index.ts';

const home = () => mkdtempSync(join(tmpdir(), 'warden-secrets-'));
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(isWardenError(error), String(error));
    return error.code;
  }
  return 'no error';
};

test('set, get, list, rm; values encrypted at rest; key file 0600', () => {
  const h = home();
  const store = openSecretStore({ home: h, env: {} });
  store.set('github', 'ghp_value_123456', { hosts: ['api.github.com:443'], header: 'Authorization' });
  assert.equal(store.get('github').value, 'ghp_value_123456');
  assert.equal(store.get('github').header, 'authorization');
  assert.deepEqual(store.list().map((s) => s.name), ['github']);
  assert.ok(!readFileSync(join(h, STORE_FILE), 'utf8').includes('ghp_value_123456'));
  assert.equal(statSync(join(h, KEY_FILE)).mode & 0o777, 0o600);
  store.markUsed(['github']);
  assert.ok(store.list()[0]!.lastUsedAt);
  assert.equal(store.remove('github'), true);
  assert.equal(store.remove('github'), false);
  assert.equal(code(() => store.get('github')), 'secret-not-found');
});

test('WARDEN_MASTER_KEY: a wrong key is a clear error and changes nothing', () => {
  const h = home();
  const key = 'a'.repeat(64);
  openSecretStore({ home: h, env: { WARDEN_MASTER_KEY: key } }).set('s', 'v-123', { hosts: ['h:443'] });
  const before = readFileSync(join(h, STORE_FILE), 'utf8');
  assert.equal(code(() => openSecretStore({ home: h, env: { WARDEN_MASTER_KEY: 'b'.repeat(64) } })), 'secret-store');
  assert.equal(code(() => openSecretStore({ home: h, env: { WARDEN_MASTER_KEY: 'short' } })), 'secret-store');
  assert.equal(readFileSync(join(h, STORE_FILE), 'utf8'), before);
  assert.equal(openSecretStore({ home: h, env: { WARDEN_MASTER_KEY: key } }).get('s').value, 'v-123');
});

test('a missing key file for an existing store is an error, never a new key', () => {
  const h = home();
  openSecretStore({ home: h, env: {} }).set('s', 'v-123', { hosts: ['h:443'] });
  writeFileSync(join(h, 'keep'), '');
  const store = readFileSync(join(h, STORE_FILE), 'utf8');
  // Remove the key: opening must refuse rather than create a new one.
  process.getBuiltinModule('node:fs').rmSync(join(h, KEY_FILE));
  assert.equal(code(() => openSecretStore({ home: h, env: {} })), 'secret-store');
  assert.equal(readFileSync(join(h, STORE_FILE), 'utf8'), store);
});

test('a corrupt file (bad JSON, bad shape, tampered value) is a clear error', () => {
  const h = home();
  const s = openSecretStore({ home: h, env: {} });
  s.set('a', 'value-a', { hosts: ['h:443'] });
  s.set('b', 'value-b', { hosts: ['h:443'] });
  const file = join(h, STORE_FILE);
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, '{not json');
  assert.equal(code(() => openSecretStore({ home: h, env: {} })), 'secret-store');
  writeFileSync(file, JSON.stringify({ version: 1 }));
  assert.equal(code(() => openSecretStore({ home: h, env: {} })), 'secret-store');
  // Moving b's sealed value under a's name fails: the name is bound as associated data.
  const data = JSON.parse(good);
  data.secrets.a.value = data.secrets.b.value;
  writeFileSync(file, JSON.stringify(data));
  assert.equal(code(() => openSecretStore({ home: h, env: {} }).get('a')), 'secret-store');
});

test('bad input: empty value, no host, bad name', () => {
  const s = openSecretStore({ home: home(), env: {} });
  assert.equal(code(() => s.set('x', '', { hosts: ['h:443'] })), 'usage');
  assert.equal(code(() => s.set('x', 'v', { hosts: [] })), 'usage');
  assert.equal(code(() => s.set('bad name', 'v', { hosts: ['h:443'] })), 'usage');
});
