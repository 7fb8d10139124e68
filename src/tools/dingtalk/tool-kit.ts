// How every DingTalk work tool is built: zod arguments (clear errors, the JSON Schema the model
// sees), the requester's own DingTalk id as the operator (never the bot's), DingTalk's refusals
// turned into plain sentences. A tool's expected failures are results with ok: false, not throws.

import { z } from 'zod';
import { DingtalkApiError } from '../../channels/dingtalk/api-types.ts';
import type { DingtalkApi } from '../../channels/dingtalk/api-types.ts';
import type { Tool, ToolContext, ToolResult } from '../types.ts';

/** Which id the API takes as operator: unionId for AI Table and todo, userId for Teambition and messages. */
export type OperatorId = 'unionId' | 'userId';

export interface DingtalkCall {
  api: DingtalkApi;
  /** The requester's unionId or userId, as the tool's `operator` says. */
  operator: string;
  context: ToolContext;
  progress(text: string): void;
}

export interface DingtalkToolSpec<S extends z.ZodType> {
  name: string;
  description: string;
  writes: boolean;
  operator: OperatorId;
  /** The DingTalk permission (scope) the app needs, named when DingTalk says it lacks it. */
  scope: string;
  args: S;
  run(args: z.output<S>, call: DingtalkCall): Promise<ToolResult>;
}

export function defineDingtalkTool<S extends z.ZodType>(api: DingtalkApi, spec: DingtalkToolSpec<S>): Tool {
  const { $schema: _draft, ...parameters } = z.toJSONSchema(spec.args, { io: 'input' }) as Record<string, unknown>;
  return {
    name: spec.name,
    description: spec.description,
    parameters,
    writes: spec.writes,
    async run(raw, context) {
      const parsed = spec.args.safeParse(raw);
      if (!parsed.success) return failure(`Invalid arguments for ${spec.name}: ${describeIssues(parsed.error)}`, 'invalid arguments');
      const operator = context.principal[spec.operator];
      if (!operator || (spec.operator === 'userId' && context.principal.external)) {
        return failure(
          `Refused: ${spec.name} acts on DingTalk as the person asking, and ${context.principal.name ?? context.principal.id} has no DingTalk ${spec.operator} in this organisation (external contacts cannot use the work tools).`,
          `no ${spec.operator}`,
        );
      }
      try {
        return await spec.run(parsed.data, { api, operator, context, progress: (text) => context.progress?.(text) });
      } catch (error) {
        if (error instanceof DingtalkApiError) return refusal(error, spec.scope);
        throw error;
      }
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 3).map((issue) => `${issue.path.length ? issue.path.join('.') : '(arguments)'}: ${issue.message}`).join('; ');
}

export function failure(content: string, summary: string, data?: Record<string, unknown>): ToolResult {
  return { ok: false, content, summary, data };
}

export function success(content: string, summary: string, data?: Record<string, unknown>): ToolResult {
  return { ok: true, content, summary, data };
}

/** DingTalk's error, said plainly, with DingTalk's own code and message after it. */
export function refusal(error: DingtalkApiError, scope: string): ToolResult {
  const code = error.code;
  let plain: string;
  if (code === 'invalidRequest.document.notFound') plain = 'that AI Table does not exist or you have no access to it';
  else if (code === 'forbidden.operationIllegal' || code.startsWith('Forbidden.AccessDenied.NoPermission')) plain = 'you have no permission to do this';
  else if (code.includes('QpsLimit') || code.includes('QpmLimit') || code === 'Forbidden.AccessDenied.ApiCountLimitForOrg') plain = 'DingTalk is rate-limiting this app right now; try again shortly';
  else if (code === 'Forbidden.AccessDenied.AccessTokenPermissionDenied') plain = `the Warden app lacks the DingTalk permission ${scope}; an admin must grant it in the developer console`;
  else if (code === 'InvalidAuthentication') plain = "DingTalk did not accept Warden's app credentials";
  else if (/notFound/i.test(code)) plain = 'DingTalk could not find what was named';
  else if (code.startsWith('invalidRequest') || code.startsWith('Missing')) plain = 'DingTalk rejected the request as invalid';
  else if (error.status === 0) plain = 'DingTalk could not be reached';
  else plain = 'the call failed';
  return failure(`DingTalk refused: ${plain} (${code}: ${error.message})`, `DingTalk ${error.status} ${code}`, { status: error.status, code, requestId: error.requestId });
}

/** `/a/{id}/b` path segments, encoded (ids and sheet names may hold any character). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** A "call again with …" hint when a list has more. */
export function moreHint(nextToken: string | undefined, noun: string): string {
  return nextToken ? `\nMore ${noun} exist: call again with nextToken="${nextToken}".` : '';
}

export const nextTokenArg = z.string().min(1).max(512).optional().describe('Cursor from the previous page; omit for the first page.');
