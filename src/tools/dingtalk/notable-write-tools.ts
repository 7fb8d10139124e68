// AI Table writes: create, update and delete records, as the requester (operatorId = unionId), so
// DingTalk's own edit permission applies. Never retried blindly (the API client sends them once).

import { z } from 'zod';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool } from '../types.ts';
import { baseArg, sheetArg } from './notable-read-tools.ts';
import { defineDingtalkTool, seg, success } from './tool-kit.ts';

const WRITE_SCOPE = 'Notable.Base.Write.All';

const cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);
const fieldsArg = z.record(z.string().min(1), cell).refine((f) => Object.keys(f).length > 0, 'give at least one field').describe('Field name → value, e.g. {"客户":"丁公司","金额":5000}.');

interface Ids { value?: Array<{ id: string }> }

function recordsPath(baseId: string, sheet: string, suffix = ''): string {
  return `/v1.0/notable/bases/${seg(baseId)}/sheets/${seg(sheet)}/records${suffix}`;
}

export function notableWriteTools(api: DingtalkApi): Tool[] {
  return [
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_create_records', description: 'Add records (rows) to an AI Table sheet.',
      writes: true, operator: 'unionId', scope: WRITE_SCOPE,
      args: z.strictObject({ baseId: baseArg, sheet: sheetArg, records: z.array(z.strictObject({ fields: fieldsArg })).min(1).max(100) }),
      async run(args, call) {
        call.progress(`adding ${args.records.length} record(s) to ${args.sheet}…`);
        const done = await call.api.request<Ids>('POST', recordsPath(args.baseId, args.sheet), {
          query: { operatorId: call.operator }, body: { records: args.records }, idempotent: false, signal: call.context.signal,
        });
        const ids = (done.value ?? []).map((v) => v.id);
        return success(`Created ${ids.length} record(s) in ${args.sheet}: ${ids.join(', ')}`, `created ${ids.length}`, { ids });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_update_records', description: 'Change fields of existing records in an AI Table sheet (only the fields given change).',
      writes: true, operator: 'unionId', scope: WRITE_SCOPE,
      args: z.strictObject({ baseId: baseArg, sheet: sheetArg, records: z.array(z.strictObject({ id: z.string().min(1), fields: fieldsArg })).min(1).max(100) }),
      async run(args, call) {
        call.progress(`updating ${args.records.length} record(s) in ${args.sheet}…`);
        const done = await call.api.request<Ids>('PUT', recordsPath(args.baseId, args.sheet), {
          query: { operatorId: call.operator }, body: { records: args.records }, idempotent: false, signal: call.context.signal,
        });
        const ids = (done.value ?? []).map((v) => v.id);
        return success(`Updated ${ids.length} record(s) in ${args.sheet}: ${ids.join(', ')}`, `updated ${ids.length}`, { ids });
      },
    }),
    defineDingtalkTool(api, {
      name: 'dingtalk_notable_delete_records', description: 'Delete records from an AI Table sheet by id.',
      writes: true, operator: 'unionId', scope: WRITE_SCOPE,
      args: z.strictObject({ baseId: baseArg, sheet: sheetArg, recordIds: z.array(z.string().min(1)).min(1).max(100) }),
      async run(args, call) {
        call.progress(`deleting ${args.recordIds.length} record(s) from ${args.sheet}…`);
        await call.api.request('POST', recordsPath(args.baseId, args.sheet, '/delete'), {
          query: { operatorId: call.operator }, body: { recordIds: args.recordIds }, idempotent: false, signal: call.context.signal,
        });
        return success(`Deleted ${args.recordIds.length} record(s) from ${args.sheet}: ${args.recordIds.join(', ')}`, `deleted ${args.recordIds.length}`, { ids: args.recordIds });
      },
    }),
  ];
}
