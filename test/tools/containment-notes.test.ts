// The lines exec and web_fetch add to a result: why a run was stopped or held back, secrets
// withheld from output, and long output cut in the middle with a marker.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainmentEvent, SandboxResult } from '../../src/sandbox/index.ts';
import { capOutput, containmentNotes, withholdSecrets } from '../../src/tools/containment-notes.ts';

const time = '2026-01-01T00:00:00.000Z';
const deny = (host: string, port: number, rule: string, reason: string, outcome: 'allow' | 'deny' = 'deny'): ContainmentEvent => ({ type: 'egress.decision', time, method: 'GET', host, port, path: '/', scheme: 'https', outcome, rule, reason });

function result(extra: Partial<SandboxResult>): SandboxResult {
  return { exitCode: 0, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), truncated: false, limitHit: null, events: [], ...extra };
}

test('refused connections: one line each, deduplicated, the rule worded for people', () => {
  const notes = containmentNotes(result({
    events: [
      deny('evil.example', 443, 'host-not-allowed', 'evil.example:443 is not on this command’s allow-list'),
      deny('evil.example', 443, 'host-not-allowed', 'again'),
      deny('api.example.com', 443, 'dlp-token', 'request carries a GitHub token (github-pat)'),
      deny('ok.example', 443, 'allowed', 'fine', 'allow'),
    ],
  }));
  assert.deepEqual(notes, [
    'connection to evil.example:443 refused: not an allowed host',
    'request to api.example.com:443 refused (dlp-token): request carries a GitHub token (github-pat)',
  ]);
});

test('a refused run and a limit come first; many denials are summarised', () => {
  const events: ContainmentEvent[] = Array.from({ length: 13 }, (_, i) => deny(`h${i}.example`, 443, 'host-not-allowed', 'x'));
  events.unshift({ type: 'sandbox.run', time, runId: 'r', command: ['sh'], outcome: 'refused', exitCode: null, signal: null, limitHit: null, reason: 'the sandbox engine is not installed', stdoutBytes: 0, stderrBytes: 0, durationMs: 1 });
  const notes = containmentNotes(result({ limitHit: 'wall-time', events }), { wallTimeSec: 5 });
  assert.equal(notes[0], 'the sandbox refused to run the command: the sandbox engine is not installed');
  assert.equal(notes[1], 'stopped: the command ran longer than its time limit (5 s); it and everything it started were killed');
  assert.equal(notes.length, 2 + 10 + 1);
  assert.equal(notes.at(-1), '(3 more refused connections)');
});

test('secret values are withheld wherever they appear', () => {
  const secrets = [{ env: 'T', name: 'api-token', value: 'sekret-123', hosts: [] }];
  assert.equal(withholdSecrets('a sekret-123 b sekret-123', secrets), 'a [secret api-token withheld] b [secret api-token withheld]');
});

test('long output keeps its head and tail with a marker; short output is whole', () => {
  assert.deepEqual(capOutput(Buffer.from('short'), 100), { text: 'short', cut: false });
  const long = capOutput(Buffer.from(`${'a'.repeat(600)}${'b'.repeat(600)}`), 200);
  assert.equal(long.cut, true);
  assert.equal(long.text, `${'a'.repeat(100)}\n[… 1000 B cut from the middle …]\n${'b'.repeat(100)}`);
});
