// The control API over HTTP (`/_emulator/...`, JSON), for the CLI and for tests in other
// processes. Loopback only, like the whole emulator; bad requests answer 400 {error}.

import type { Context, Hono } from 'hono';
import type { EmulatorControl } from './control.ts';
import { ControlInputError } from './robot-inbound.ts';

type Json = Record<string, any>;

async function body(c: Context): Promise<Json> {
  const value = await c.req.json().catch(() => undefined);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ControlInputError('request body must be a JSON object');
  return value as Json;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 1;
}

export function registerControlRoutes(app: Hono, control: EmulatorControl): void {
  app.get('/_emulator/org', (c) => c.json(control.org()));
  app.post('/_emulator/messages', async (c) => c.json(control.postMessage((await body(c)) as never), 202));
  app.post('/_emulator/cards/:outTrackId/click', async (c) => {
    const b = await body(c);
    return c.json(await control.clickCard({ outTrackId: c.req.param('outTrackId'), as: b.as, actionIds: b.actionIds, params: b.params }));
  });
  app.get('/_emulator/sent', (c) => c.json(control.sent(c.req.query('conversationId'))));
  app.get('/_emulator/events', (c) => c.json({ events: control.events(Number(c.req.query('after') ?? 0) || 0, c.req.query('conversationId')), lastSeq: control.lastSeq() }));
  app.get('/_emulator/acks', (c) => c.json({ acks: control.acks() }));
  app.get('/_emulator/calls', (c) => c.json({ calls: control.calls() }));
  app.get('/_emulator/connections', (c) => c.json({ connections: control.connections(), pending: control.pendingCount() }));
  app.post('/_emulator/connections/:id/:action', async (c) => {
    const id = c.req.param('id');
    const action = c.req.param('action');
    if (!control.connections().some((conn) => conn.id === id)) throw new ControlInputError(`no connection ${id}`);
    if (action === 'ping') return c.json({ echoed: await control.ping(id) });
    if (action === 'disconnect') control.disconnect(id);
    else if (action === 'drop') control.drop(id);
    else if (action === 'zombie') control.zombie(id);
    else throw new ControlInputError(`unknown action ${action} (ping, disconnect, drop, zombie)`);
    return c.json({ ok: true });
  });
  app.post('/_emulator/faults/connections-open', async (c) => {
    const b = await body(c);
    const status = b.status;
    if (b.hang === true) control.failConnectionsOpen({ kind: 'hang' }, count(b.count));
    else if ([400, 500, 502, 503].includes(status)) control.failConnectionsOpen({ kind: 'status', status }, count(b.count));
    else throw new ControlInputError('give {"status": 400|500|502|503} or {"hang": true}, with an optional count');
    return c.json({ ok: true });
  });
  app.post('/_emulator/faults/token-requests', async (c) => {
    control.failTokenRequests(count((await body(c)).count));
    return c.json({ ok: true });
  });
  app.post('/_emulator/faults/revoke-tokens', (c) => {
    control.revokeTokens();
    return c.json({ ok: true });
  });
  app.post('/_emulator/faults/expire-sessions', (c) => {
    control.expireSessions();
    return c.json({ ok: true });
  });
  app.get('/_emulator/notable/:base/:sheet', (c) => {
    const rows = control.notableRows(c.req.param('base'), c.req.param('sheet'));
    if (rows === undefined) throw new ControlInputError(`no sheet ${c.req.param('sheet')} in base ${c.req.param('base')}`);
    return c.json({ rows });
  });
  app.get('/_emulator/users/:userId/tasks', (c) => c.json({ tasks: control.userTasks(c.req.param('userId')) }));
  app.get('/_emulator/users/:unionId/todos', (c) => c.json({ todos: control.userTodos(c.req.param('unionId')) }));
}
