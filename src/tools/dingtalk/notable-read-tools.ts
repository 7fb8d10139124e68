// AI Table reads: find the bases the requester can see (doc_1.0 search: notable_1.0 has no list
// call), list a base's sheets with their fields, query a sheet's records with a filter and paging.
// Every call carries the requester's unionId as operatorId.

import { z } from 'zod';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { defineDingtalkTool, moreHint, nextTokenArg, seg, success } from './tool-kit.ts';

const READ_SCOPE = 'Notable.Base.Read.All';

interface DocSearch { docs?: Array<{ nodeBO?: { nodeId?: string; name?: string; docType?: string }; workspaceBO?: { name?: string } }>; nextToken?: string }
interface Sheets { value?: Array<{ id: string; name: string }> }
interface Fields { value?: Array<{ id: string; name: string; type: string; property?: { choices?: Array<{ name: string }> } }> }
interface RecordPage { records?: Array<{ id: string; fields: Record<string, unknown> }>; nextToken?: string; hasMore?: boolean }

export const baseArg = z.string().min(1).max(128).describe('The AI Table (base) id, from dingtalk_notable_list_bases.');
export const sheetArg = z.string().min(1).max(128).describe('The sheet id or name, e.g. 订单.');

const condition = z.strictObject({
  field: z.string().min(1).describe('Field name or id.'),
  operator: z.enum(['equal', 'notEqual', 'greater', 'greaterEqual', 'less', 'lessEqual', 'contain', 'notContain', 'empty', 'notEmpty']),
  value: z.array(z.union([z.string(), z.number(), z.boolean()])).optional().describe('Values to compare with; omit for empty/notEmpty.'),
});

/** Each record as one JSON line of field name → value, id first: compact and unambiguous for a model. */
export function recordLines(records: ReadonlyArray<{ id: string; fields: Record<string, unknown> }>): string {
  return records.map((r) => JSON.stringify({ id: r.id, ...r.fields })).join('\n');
}

export function notableReadTools(api: DingtalkApi): Tool[] {
  return [
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_list_bases', description: 'Find the DingTalk AI Tables (多维表) you can open whose name contains a keyword.',
      writes: false, operator: 'unionId', scope: 'to read DingTalk Docs (知识库文档读权限, for the doc search)',
      args: z.strictObject({ keyword: z.string().min(1).max(100).describe('Part of the AI Table name, e.g. 销售.'), maxResults: z.number().int().min(1).max(50).default(20), nextToken: nextTokenArg }),
      async run(args, call) {
        call.progress(`searching AI Tables for ${args.keyword}…`);
        const page = await call.api.request<DocSearch>('GET', '/v1.0/doc/docs', {
          query: { operatorId: call.operator, keyword: args.keyword, maxResults: args.maxResults, nextToken: args.nextToken }, idempotent: true, signal: call.context.signal,
        });
        const docs = (page.docs ?? []).filter((d) => d.nodeBO?.nodeId);
        const lines = docs.map((d) => `${d.nodeBO!.nodeId} — ${d.nodeBO!.name ?? ''}${d.workspaceBO?.name ? ` (workspace ${d.workspaceBO.name})` : ''}`);
        const content = docs.length ? `AI Tables matching "${args.keyword}" (baseId — name):\n${lines.join('\n')}` : `No AI Table you can open matches "${args.keyword}".`;
        return success(content + moreHint(page.nextToken, 'results'), `${docs.length} bases`, { count: docs.length });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_list_sheets', description: 'List the sheets of an AI Table with each sheet\'s fields and types.',
      writes: false, operator: 'unionId', scope: READ_SCOPE,
      args: z.strictObject({ baseId: baseArg }),
      async run(args, call) {
        call.progress('reading the AI Table\'s sheets…');
        const query = { operatorId: call.operator };
        const sheets = await call.api.request<Sheets>('GET', `/v1.0/notable/bases/${seg(args.baseId)}/sheets`, { query, idempotent: true, signal: call.context.signal });
        const parts: string[] = [];
        for (const sheet of sheets.value ?? []) {
          const fields = await call.api.request<Fields>('GET', `/v1.0/notable/bases/${seg(args.baseId)}/sheets/${seg(sheet.id)}/fields`, { query, idempotent: true, signal: call.context.signal });
          const described = (fields.value ?? []).map((f) => `${f.name} (${f.type}${f.property?.choices ? `: ${f.property.choices.map((c) => c.name).join('|')}` : ''})`);
          parts.push(`Sheet ${sheet.name} [id ${sheet.id}]: ${described.join(', ')}`);
        }
        return success(parts.length ? parts.join('\n') : 'This AI Table has no sheets.', `${parts.length} sheets`, { count: parts.length });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_query_records', description: 'Read records of an AI Table sheet, optionally filtered, a page at a time.',
      writes: false, operator: 'unionId', scope: READ_SCOPE,
      args: z.strictObject({
        baseId: baseArg, sheet: sheetArg,
        filter: z.strictObject({ combination: z.enum(['and', 'or']).default('and'), conditions: z.array(condition).min(1).max(20) }).optional(),
        fields: z.array(z.string().min(1)).min(1).max(100).optional().describe('Only these fields (names or ids).'),
        maxResults: z.number().int().min(1).max(100).default(20), nextToken: nextTokenArg,
      }),
      async run(args, call) {
        call.progress(`reading sheet ${args.sheet}…`);
        const page = await call.api.request<RecordPage>('POST', `/v1.0/notable/bases/${seg(args.baseId)}/sheets/${seg(args.sheet)}/records/list`, {
          query: { operatorId: call.operator },
          body: { filter: args.filter, fieldIdOrNames: args.fields, maxResults: args.maxResults, nextToken: args.nextToken },
          idempotent: true, signal: call.context.signal,
        });
        const records = page.records ?? [];
        const content = records.length ? `${records.length} records from ${args.sheet} (one JSON object per line):\n${recordLines(records)}` : `No records in ${args.sheet} match.`;
        return success(content + moreHint(page.nextToken, 'records'), `${records.length} records`, { count: records.length, more: Boolean(page.nextToken) });
      },
    }),
  ];
}
