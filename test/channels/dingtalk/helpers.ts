// Shared set-up of the channel tests: a throwaway SQLite store, an audit log, and a channel on it.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../../../src/audit/index.ts';
import { createDingtalkChannel, type DingtalkChannel, type DingtalkChannelConfig, type DingtalkChannelOptions, type InboundMessage } from '../../../src/channels/dingtalk/index.ts';
import { openStore, type Store } from '../../../src/store/index.ts';

export async function sqliteStore(): Promise<{ store: Store; home: string }> {
  const home = mkdtempSync(join(tmpdir(), 'wdt-'));
  return { store: await openStore({ home }), home };
}

const workspaces = mkdtempSync(join(tmpdir(), 'wdt-ws-'));

export interface TestChannel {
  channel: DingtalkChannel;
  received: InboundMessage[];
  logs: string[];
}

export function channelOn(store: Store, config: Partial<DingtalkChannelConfig> & { apiBaseUrl: string }, overrides: Partial<DingtalkChannelOptions> = {}): TestChannel {
  const received: InboundMessage[] = [];
  const logs: string[] = [];
  const channel = createDingtalkChannel({
    config: { clientId: 'app1', clientSecret: 'secret1', robotCode: 'app1', oapiBaseUrl: config.apiBaseUrl, ...config },
    store,
    audit: createAuditLog({ store }),
    workspaceFor: (id) => join(workspaces, id.replace(/[^\w-]/g, '_')),
    onMessage: async (message) => {
      received.push(message);
    },
    onApprovalClick: async () => ({ accepted: true, message: 'recorded' }),
    log: (line) => logs.push(line),
    tuning: { pingIntervalMs: 60_000, minBackoffMs: 20, retryDelayMs: 10, reorderWindowMs: 0 },
    ...overrides,
  } as DingtalkChannelOptions);
  return { channel, received, logs };
}
