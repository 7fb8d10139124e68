// Issue 6, acceptance 3: `kill -9` of a real Warden process in the middle of a turn, then a restart.
// The finished tool call is not run again, the one that was running is reported as interrupted
// (not repeated), the turn completes, and the audit chain verifies, until someone edits it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, it } from 'node:test';
import { sessionWorkspace } from '../../src/agent/index.ts';
import type { ChatRequest, Step } from '../emulators/model/index.ts';
import { install, until, warden, type Installation } from './support.ts';

const POLICY = `version: 1
principals:
  alice: { userId: alice01, roles: [employee] }
roles:
  guest: {}
  employee: { tools: [read, list, exec] }
`;

function script(request: ChatRequest): Step {
  const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
  const question = String(request.messages[lastUser]?.content);
  const results = request.messages.slice(lastUser + 1).filter((m) => m.role === 'tool').map((m) => String(m.content));
  if (question.startsWith('second')) return { text: 'second answer' };
  if (results.length === 0) return { toolCalls: [{ name: 'exec', arguments: { command: 'echo one >> count.txt' } }] };
  if (results.length === 1) return { toolCalls: [{ name: 'exec', arguments: { command: 'sleep 30; echo two >> count.txt' } }] };
  return { text: `first turn ended: ${results[1]!.includes('interrupted') ? 'second call interrupted' : 'second call ran'}` };
}

describe('kill -9 mid-turn and restart', () => {
  let inst: Installation;
  before(async () => {
    inst = await install({ policy: POLICY });
    inst.setScript(script);
  });
  after(() => inst.close());

  it('resumes without re-running a finished tool call and keeps a verifiable audit chain', async () => {
    const first = warden(inst, ['chat', '--as', 'alice', '--conversation', 'crash', '--message', 'count for me']);
    const db = join(inst.home, 'warden.db');
    // Wait until the second command is running: its step is committed as started, not done.
    await until('the second tool call to be running', () => {
      if (!existsSync(db)) return undefined;
      const sqlite = new DatabaseSync(db, { readOnly: true });
      try {
        const row = sqlite.prepare("SELECT sum(status = 'done') AS done, sum(status = 'started') AS started FROM steps WHERE kind = 'tool'").get() as { done: number | null; started: number | null };
        return (row.done ?? 0) >= 1 && (row.started ?? 0) >= 1 ? true : undefined;
      } catch {
        return undefined; // the tables are not created yet
      } finally {
        sqlite.close();
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    assert.equal(killed.signal, 'SIGKILL');

    const workspace = sessionWorkspace(join(inst.home, 'workspaces'), 'cli', 'crash', 'dingtalk:alice01');
    assert.equal(readFileSync(join(workspace, 'count.txt'), 'utf8'), 'one\n');

    const second = await warden(inst, ['chat', '--as', 'alice', '--conversation', 'crash', '--message', 'second question']).done;
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /first turn ended: second call interrupted/, second.stderr);
    assert.match(second.stdout, /second answer/);
    assert.match(second.stderr, /resuming turn/);
    // The finished call did not run again; the interrupted one was not repeated.
    assert.equal(readFileSync(join(workspace, 'count.txt'), 'utf8'), 'one\n');

    const verify = await warden(inst, ['audit', 'verify']).done;
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const sqlite = new DatabaseSync(db);
    sqlite.prepare("UPDATE audit_events SET reason = 'nothing to see' WHERE seq = 3").run();
    sqlite.close();
    const tampered = await warden(inst, ['audit', 'verify']).done;
    assert.equal(tampered.code, 1);
    assert.match(tampered.stdout + tampered.stderr, /\b3\b/);
  });
});
