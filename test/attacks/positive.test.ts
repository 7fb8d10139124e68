// What must keep working inside the box: a skill script calls its declared API (loopback HTTPS with
// a test CA) with the placeholder and the API receives the real secret; python, node, curl and
// bash work; two principals using the same variable name for different secrets, at once, each get
// their own; exit codes pass through (124 on a limit, 125 on bad arguments).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWorld, type World } from './support/environment.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(async () => {
  await world?.close();
});

test('the declared API receives the real secret; the box sees only a placeholder', async () => {
  const api = `127.0.0.1:${world.api.port}`;
  const r = await world.exec('declared-api', ['--secret', 'TOKEN=api-token'], ['bash', '-c', `echo "token=$TOKEN"; curl -fsS -m 10 -H "Authorization: Bearer $TOKEN" https://${api}/api/whoami`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /token=fake_value_/);
  assert.ok(!r.stdout.includes(world.secretValues['api-token']!));
  assert.match(r.stdout, /"ok":true/);
  const got = world.api.records.find((x) => x.path === '/api/whoami');
  assert.equal(got?.authorization, `Bearer ${world.secretValues['api-token']}`);
  assert.ok(r.events.some((e) => e.type === 'egress.decision' && e.rule === 'allowed-with-secret'));
  const list = await world.warden(['secrets', 'list', '--json']);
  const entry = (JSON.parse(list.stdout) as Array<{ name: string; lastUsedAt?: string }>).find((s) => s.name === 'api-token');
  assert.ok(entry?.lastUsedAt, 'last use recorded');
  assert.ok(!list.stdout.includes(world.secretValues['api-token']!));
});

test('python, node, curl and bash work normally inside', async () => {
  const api = `127.0.0.1:${world.api.port}`;
  const script = [
    'set -e',
    'echo hello > note.txt && cat note.txt',
    `python3 -c "import json,os,tempfile,urllib.request; tempfile.mkstemp(); print(json.loads(urllib.request.urlopen('https://${api}/api/py', timeout=10).read())['path'])"`,
    `node -e "require('fs').writeFileSync('n.json', JSON.stringify({sum: [1,2,3].reduce((a,b)=>a+b)})); console.log(require('fs').readFileSync('n.json','utf8'))"`,
    `curl -fsS -m 10 https://${api}/api/curl`,
    'printf "%s\\n" a b c | sort -r | tr "\\n" " "',
  ].join('\n');
  const r = await world.exec('tools-work', ['--allow', api], ['bash', '-c', script]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /hello/);
  assert.match(r.stdout, /\/api\/py/);
  assert.match(r.stdout, /\{"sum":6\}/);
  assert.match(r.stdout, /"path":"\/api\/curl"/);
  assert.match(r.stdout, /c b a/);
});

test('two principals with the same variable name, at once, each get their own secret', async () => {
  const api = `127.0.0.1:${world.api.port}`;
  const call = (who: string) => world.exec(`principal-${who}`, ['--principal', who, '--secret', `TOKEN=${who}-token`], ['bash', '-c', `curl -fsS -m 10 -H "Authorization: Bearer $TOKEN" https://${api}/api/${who}`]);
  const [a, b] = await Promise.all([call('alice'), call('bob')]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(world.api.records.find((x) => x.path === '/api/alice')?.authorization, `Bearer ${world.secretValues['alice-token']}`);
  assert.equal(world.api.records.find((x) => x.path === '/api/bob')?.authorization, `Bearer ${world.secretValues['bob-token']}`);
  assert.ok(a.events.every((e) => e.principal === 'alice'));
});

test('exit codes: the command’s own, 124 on a limit, 125 on bad arguments or an unknown secret', async () => {
  assert.equal((await world.exec('exit-7', [], ['bash', '-c', 'exit 7'])).code, 7);
  const limited = await world.exec('exit-timeout', ['--timeout', '1'], ['sleep', '30']);
  assert.equal(limited.code, 124);
  assert.match(limited.stderr, /wall-time/);
  assert.equal((await world.exec('exit-usage', ['--allow', '*.example.com'], ['true'])).code, 125);
  assert.equal((await world.exec('exit-secret', ['--secret', 'X=nope'], ['true'])).code, 125);
  const noWorkspace = await world.warden(['sandbox', 'exec', '--workspace', '/nonexistent/ws', '--', 'true']);
  assert.equal(noWorkspace.code, 125);
  assert.match(noWorkspace.stderr, /does not exist/);
});
