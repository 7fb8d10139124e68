// AI Table (Notable) v1.0 routes, shapes as in DingTalk's notable_1.0 API (TEA notable_1_0 and the
// api-notable-* pages): sheets, fields, records (GET page, POST list with filter, insert, update,
// delete), each with `operatorId=<unionId>` required and DingTalk's permission answers.

import type { Context, Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { compileFilter } from './notable-filter.ts';
import { badInput, baseFor, fieldsToWrite, recordView, sheetFor } from './notable-access.ts';
import { admit, jsonBody, pageOf, requireQuery } from './route-kit.ts';
import { workStateOf } from './state.ts';
import type { NotableAccess, NotableBase, NotableRecord, NotableSheet, WorkState } from './state.ts';

const SHEET = '/v1.0/notable/bases/:baseId/sheets/:sheet';

interface Scope {
  state: WorkState;
  operatorId: string;
  base: NotableBase;
  sheet?: NotableSheet;
}

/** Token, throttle, operator, base access and (when the path names one) the sheet. */
function scope(c: Context, ctx: EmulatorContext, api: string, need: NotableAccess): Scope | Response {
  const refused = admit(c, ctx, api);
  if (refused) return refused;
  const operatorId = requireQuery(c, ctx, 'operatorId');
  if (operatorId instanceof Response) return operatorId;
  const state = workStateOf(ctx.org.work);
  const base = baseFor(c, ctx, state, c.req.param('baseId') ?? '', operatorId, need);
  if (base instanceof Response) return base;
  const sheetRef = c.req.param('sheet');
  if (sheetRef === undefined) return { state, operatorId, base };
  const sheet = sheetFor(c, ctx, base, sheetRef);
  return sheet instanceof Response ? sheet : { state, operatorId, base, sheet };
}

function listRecords(c: Context, ctx: EmulatorContext, sheet: NotableSheet, body: Record<string, unknown>): Response {
  const match = compileFilter(sheet, body.filter);
  if (typeof match === 'string') return badInput(c, ctx, match);
  let only: Set<string> | undefined;
  if (body.fieldIdOrNames !== undefined) {
    if (!Array.isArray(body.fieldIdOrNames)) return badInput(c, ctx, 'fieldIdOrNames must be an array of field ids or names');
    only = new Set(sheet.fields.filter((f) => (body.fieldIdOrNames as unknown[]).some((ref) => ref === f.id || ref === f.name)).map((f) => f.name));
  }
  const page = pageOf(c, ctx, sheet.records.filter(match), body.maxResults, body.nextToken);
  if (page instanceof Response) return page;
  return c.json({ hasMore: page.nextToken !== undefined, nextToken: page.nextToken, records: page.items.map((r) => recordView(r, only)) });
}

export function registerNotableRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get('/v1.0/notable/bases/:baseId/sheets', (c) => {
    const s = scope(c, ctx, 'notable.getAllSheets', 'read');
    return s instanceof Response ? s : c.json({ value: s.base.sheets.map(({ id, name }) => ({ id, name })) });
  });

  app.get(SHEET, (c) => {
    const s = scope(c, ctx, 'notable.getSheet', 'read');
    return s instanceof Response ? s : c.json({ id: s.sheet!.id, name: s.sheet!.name });
  });

  app.get(`${SHEET}/fields`, (c) => {
    const s = scope(c, ctx, 'notable.getAllFields', 'read');
    return s instanceof Response ? s : c.json({ value: s.sheet!.fields.map(({ id, name, type, property }) => ({ id, name, type, property })) });
  });

  app.get(`${SHEET}/records`, (c) => {
    const s = scope(c, ctx, 'notable.getRecords', 'read');
    return s instanceof Response ? s : listRecords(c, ctx, s.sheet!, { maxResults: c.req.query('maxResults'), nextToken: c.req.query('nextToken') });
  });

  app.post(`${SHEET}/records/list`, async (c) => {
    const s = scope(c, ctx, 'notable.listRecords', 'read');
    if (s instanceof Response) return s;
    const body = await jsonBody(c, ctx);
    return body instanceof Response ? body : listRecords(c, ctx, s.sheet!, body);
  });

  app.get(`${SHEET}/records/:recordId`, (c) => {
    const s = scope(c, ctx, 'notable.getRecord', 'read');
    if (s instanceof Response) return s;
    const record = s.sheet!.records.find((r) => r.id === c.req.param('recordId'));
    return record ? c.json(recordView(record)) : ctx.error(c, 404, 'invalidRequest.record.notFound', `The record ${c.req.param('recordId')} is not found.`);
  });

  app.post(`${SHEET}/records`, async (c) => {
    const w = await writeScope(c, ctx, 'notable.insertRecords');
    if (w instanceof Response) return w;
    const { s, rows } = w;
    const created: NotableRecord[] = [];
    for (const [i, row] of rows.entries()) {
      const fields = fieldsToWrite(s.sheet!, row.fields, `records[${i}]`);
      if (typeof fields === 'string') return badInput(c, ctx, fields);
      const time = s.state.now();
      created.push({ id: s.state.newId('rec'), fields, createdBy: s.operatorId, lastModifiedBy: s.operatorId, createdTime: time, lastModifiedTime: time });
    }
    s.sheet!.records.push(...created);
    return c.json({ value: created.map(({ id }) => ({ id })) });
  });

  app.put(`${SHEET}/records`, async (c) => {
    const w = await writeScope(c, ctx, 'notable.updateRecords');
    if (w instanceof Response) return w;
    const { s, rows } = w;
    const updates: Array<[NotableRecord, Record<string, unknown>]> = [];
    for (const [i, row] of rows.entries()) {
      const record = s.sheet!.records.find((r) => r.id === row.id);
      if (!record) return ctx.error(c, 404, 'invalidRequest.record.notFound', `records[${i}].id: the record ${String(row.id)} is not found.`);
      const fields = fieldsToWrite(s.sheet!, row.fields, `records[${i}]`);
      if (typeof fields === 'string') return badInput(c, ctx, fields);
      updates.push([record, fields]);
    }
    // All checked before any is applied: a bad row changes nothing.
    for (const [record, fields] of updates) {
      Object.assign(record.fields, fields);
      record.lastModifiedBy = s.operatorId;
      record.lastModifiedTime = s.state.now();
    }
    return c.json({ value: updates.map(([record]) => ({ id: record.id })) });
  });

  app.post(`${SHEET}/records/delete`, async (c) => {
    const s = scope(c, ctx, 'notable.deleteRecords', 'edit');
    if (s instanceof Response) return s;
    const body = await jsonBody(c, ctx);
    if (body instanceof Response) return body;
    const ids = body.recordIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100 || !ids.every((id) => typeof id === 'string')) {
      return badInput(c, ctx, 'recordIds must be an array of 1 to 100 record ids');
    }
    const missing = ids.find((id) => !s.sheet!.records.some((r) => r.id === id));
    if (missing !== undefined) return ctx.error(c, 404, 'invalidRequest.record.notFound', `The record ${missing} is not found.`);
    s.sheet!.records = s.sheet!.records.filter((r) => !ids.includes(r.id));
    return c.json({ success: true });
  });
}

/** Edit scope plus the body's `records` (1..100 objects), for insert and update. */
async function writeScope(c: Context, ctx: EmulatorContext, api: string): Promise<{ s: Scope; rows: Array<{ id?: unknown; fields?: unknown }> } | Response> {
  const s = scope(c, ctx, api, 'edit');
  if (s instanceof Response) return s;
  const body = await jsonBody(c, ctx);
  if (body instanceof Response) return body;
  const rows = recordsArg(body.records);
  return typeof rows === 'string' ? badInput(c, ctx, rows) : { s, rows };
}

function recordsArg(raw: unknown): Array<{ id?: unknown; fields?: unknown }> | string {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 100) return 'records must be an array of 1 to 100 records';
  if (!raw.every((row) => row !== null && typeof row === 'object')) return 'each of records must be an object';
  return raw as Array<{ id?: unknown; fields?: unknown }>;
}
