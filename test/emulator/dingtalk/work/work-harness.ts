// A running emulator with the demo organisation for the work-route and work-tool tests: its URL,
// an app token, the organisation state (to read rows and tasks directly) and a small DingtalkApi over
// fetch (the seam the tools call; error bodies become DingtalkApiError as the real client does).

import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { DingtalkApiError } from '../../../../src/channels/dingtalk/api-types.ts';
import type { DingtalkApi, DingtalkRequest } from '../../../../src/channels/dingtalk/api-types.ts';
import { parseOrg, startDingtalkEmulator } from '../../../../src/emulator/dingtalk/index.ts';
import type { OrgState } from '../../../../src/emulator/dingtalk/index.ts';

export interface WorkHarness {
  url: string;
  token: string;
  org: OrgState;
  api: DingtalkApi;
  /** A raw v1.0 call: status and parsed body. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startWorkHarness(options: { enforceRateLimits?: boolean } = {}): Promise<WorkHarness> {
  const raw = parse(await readFile(new URL('../../../../src/emulator/dingtalk/demo-org.yaml', import.meta.url), 'utf8')) as unknown;
  const org = parseOrg(raw, 'demo-org.yaml');
  const emulator = await startDingtalkEmulator({ org, ...options });
  const tokenAnswer = await fetch(`${emulator.url}/v1.0/oauth2/accessToken`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appKey: org.app.clientId, appSecret: org.app.clientSecret }),
  });
  const { accessToken } = (await tokenAnswer.json()) as { accessToken: string };

  async function call(method: string, path: string, body?: unknown, token = accessToken) {
    const response = await fetch(`${emulator.url}${path}`, {
      method, headers: { 'x-acs-dingtalk-access-token': token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const api: DingtalkApi = {
    async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: DingtalkRequest = {}): Promise<T> {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) query.set(key, String(value));
      const suffix = query.size > 0 ? `?${query}` : '';
      const answer = await call(method, path + suffix, options.body);
      if (answer.status >= 400) {
        const code = String(answer.body.code ?? 'unknown');
        throw new DingtalkApiError(String(answer.body.message ?? ''), { status: answer.status, code, requestId: answer.body.requestid as string | undefined, retryable: false });
      }
      return answer.body as T;
    },
    async oapi() {
      throw new Error('oapi is not used by the work tools');
    },
  };
  return { url: emulator.url, token: accessToken, org, api, call, close: () => emulator.close() };
}

/** The demo organisation's people, by the role they play in the tests. */
export const DEMO = {
  zhang: { userId: 'user0001', unionId: 'unionUser0001', name: '张三' },
  li: { userId: 'user0002', unionId: 'unionUser0002', name: '李四' },
  manager: { userId: 'manager0001', unionId: 'unionManager0001', name: '王经理' },
  customer: { userId: 'customer0001', unionId: 'unionCustomer0001', name: '客户小陈' },
  base: 'baseSales0001',
  project: 'projectWeb0001',
} as const;
