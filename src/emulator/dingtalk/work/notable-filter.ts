// The `filter` of Notable's records/list: `{combination: and|or, conditions: [{field, operator,
// value: [...]}]}` with DingTalk's ten operators. Returns a predicate or a reason the filter is
// invalid (the route answers that as invalidRequest.inputArgs.invalid).

import { WorkState } from './state.ts';
import type { NotableRecord, NotableSheet } from './state.ts';

export const FILTER_OPERATORS = ['equal', 'notEqual', 'greater', 'greaterEqual', 'less', 'lessEqual', 'contain', 'notContain', 'empty', 'notEmpty'] as const;
type Operator = (typeof FILTER_OPERATORS)[number];

export type RecordPredicate = (record: NotableRecord) => boolean;

export function compileFilter(sheet: NotableSheet, filter: unknown): RecordPredicate | string {
  if (filter === undefined || filter === null) return () => true;
  if (typeof filter !== 'object' || Array.isArray(filter)) return 'filter must be an object';
  const { combination = 'and', conditions } = filter as { combination?: unknown; conditions?: unknown };
  if (combination !== 'and' && combination !== 'or') return `filter.combination must be "and" or "or", got ${JSON.stringify(combination)}`;
  if (!Array.isArray(conditions) || conditions.length === 0) return 'filter.conditions must be a non-empty array';
  const tests: RecordPredicate[] = [];
  for (const [index, condition] of conditions.entries()) {
    const test = compileCondition(sheet, condition, index);
    if (typeof test === 'string') return test;
    tests.push(test);
  }
  return combination === 'and' ? (record) => tests.every((test) => test(record)) : (record) => tests.some((test) => test(record));
}

function compileCondition(sheet: NotableSheet, condition: unknown, index: number): RecordPredicate | string {
  const where = `filter.conditions[${index}]`;
  if (condition === null || typeof condition !== 'object') return `${where} must be an object`;
  const { field: fieldRef, operator, value = [] } = condition as { field?: unknown; operator?: unknown; value?: unknown };
  if (typeof fieldRef !== 'string') return `${where}.field must be a field id or name`;
  const field = WorkState.fieldOf(sheet, fieldRef);
  if (!field) return `${where}.field: no field "${fieldRef}" in sheet ${sheet.name}`;
  if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    return `${where}.operator must be one of ${FILTER_OPERATORS.join(', ')}`;
  }
  if (!Array.isArray(value)) return `${where}.value must be an array`;
  const op = operator as Operator;
  if (op !== 'empty' && op !== 'notEmpty' && value.length === 0) return `${where}.value needs a value for ${op}`;
  const wanted: unknown = value[0];
  return (record) => matches(op, record.fields[field.name], wanted, value);
}

function isEmpty(cell: unknown): boolean {
  return cell === undefined || cell === null || cell === '' || (Array.isArray(cell) && cell.length === 0);
}

function text(cell: unknown): string {
  if (Array.isArray(cell)) return cell.map(text).join(',');
  if (cell !== null && typeof cell === 'object') return String((cell as { name?: unknown }).name ?? JSON.stringify(cell));
  return String(cell ?? '');
}

function compare(cell: unknown, wanted: unknown): number | undefined {
  const a = typeof cell === 'number' ? cell : Number(cell);
  const b = typeof wanted === 'number' ? wanted : Number(wanted);
  if (isEmpty(cell) || Number.isNaN(a) || Number.isNaN(b)) return undefined;
  return a - b;
}

function matches(op: Operator, cell: unknown, wanted: unknown, all: readonly unknown[]): boolean {
  switch (op) {
    case 'empty': return isEmpty(cell);
    case 'notEmpty': return !isEmpty(cell);
    case 'equal': return all.some((one) => text(cell) === text(one));
    case 'notEqual': return all.every((one) => text(cell) !== text(one));
    case 'contain': return all.some((one) => text(cell).includes(text(one)));
    case 'notContain': return all.every((one) => !text(cell).includes(text(one)));
    default: {
      const order = compare(cell, wanted);
      if (order === undefined) return false;
      if (op === 'greater') return order > 0;
      if (op === 'greaterEqual') return order >= 0;
      if (op === 'less') return order < 0;
      return order <= 0;
    }
  }
}
