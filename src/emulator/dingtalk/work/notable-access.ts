// Who may see and change which AI Table, as DingTalk answers it: a base the operator has no access
// to is "not found" (DingTalk does not reveal it exists); a read-only operator's write is 403
// forbidden.operationIllegal. Also the record-value checks writes go through.

import type { Context } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { invalidArgs } from './route-kit.ts';
import { WorkState } from './state.ts';
import type { NotableAccess, NotableBase, NotableRecord, NotableSheet } from './state.ts';

export function baseFor(c: Context, ctx: EmulatorContext, state: WorkState, baseId: string, operatorId: string, need: NotableAccess): NotableBase | Response {
  const base = state.baseById(baseId);
  const access = base?.access.get(operatorId);
  if (!base || !access || !ctx.userByUnionId(operatorId)) {
    return ctx.error(c, 404, 'invalidRequest.document.notFound', 'The document is not found, please make sure the given baseId is valid, and the operatorId has permission.');
  }
  if (need === 'edit' && access !== 'edit') {
    return ctx.error(c, 403, 'forbidden.operationIllegal', `The operator has no permission to edit the document (operatorId ${operatorId} has read access to ${base.name}).`);
  }
  return base;
}

export function sheetFor(c: Context, ctx: EmulatorContext, base: NotableBase, idOrName: string): NotableSheet | Response {
  return WorkState.sheetOf(base, idOrName) ?? ctx.error(c, 404, 'invalidRequest.sheet.notFound', `The sheet ${idOrName} is not found in base ${base.id}.`);
}

/** A record as DingTalk returns it, optionally only some fields. */
export function recordView(record: NotableRecord, only?: ReadonlySet<string>): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(record.fields).filter(([name, value]) => value !== undefined && value !== null && (!only || only.has(name))));
  return {
    id: record.id, fields, createdBy: { unionId: record.createdBy }, lastModifiedBy: { unionId: record.lastModifiedBy },
    createdTime: record.createdTime, lastModifiedTime: record.lastModifiedTime,
  };
}

/**
 * Checks and normalises written values to field names. Returns the fields or the reason for an
 * invalidRequest.inputArgs.invalid answer.
 */
export function fieldsToWrite(sheet: NotableSheet, raw: unknown, where: string): Record<string, unknown> | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `${where}.fields must be an object of field id or name to value`;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = WorkState.fieldOf(sheet, key);
    if (!field) return `${where}.fields: no field "${key}" in sheet ${sheet.name}`;
    if (value === null) {
      out[field.name] = null;
      continue;
    }
    if (field.type === 'number' && typeof value !== 'number') return `${where}.fields.${field.name}: a number field takes a number, got ${JSON.stringify(value)}`;
    if (field.type === 'checkbox' && typeof value !== 'boolean') return `${where}.fields.${field.name}: a checkbox field takes true or false`;
    if ((field.type === 'text' || field.type === 'singleSelect') && typeof value !== 'string') return `${where}.fields.${field.name}: a ${field.type} field takes a string`;
    out[field.name] = value;
  }
  return out;
}

export function badInput(c: Context, ctx: EmulatorContext, reason: string): Response {
  return invalidArgs(c, ctx, reason);
}
