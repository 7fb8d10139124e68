// Shared set-up of the tool tests: a temporary root reachable by the sandbox's unprivileged uids
// (mode 0711, like test/sandbox), workspaces inside it, and a ToolContext around them.

import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxPool } from '../../src/sandbox/index.ts';
import type { ToolContext, ToolSkill } from '../../src/tools/types.ts';

export interface TestRoot {
  root: string;
  workspace(): string;
  remove(): void;
}

export function createTestRoot(prefix: string): TestRoot {
  const root = mkdtempSync(join(tmpdir(), `warden-${prefix}-`));
  chmodSync(root, 0o711);
  let count = 0;
  return {
    root,
    workspace() {
      const dir = join(root, `ws${++count}`);
      mkdirSync(dir);
      return dir;
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A pool that fails the test if a file tool ever runs a command. */
export const NO_SANDBOX: SandboxPool = {
  runSandboxed: () => Promise.reject(new Error('file tools must not run commands')),
  prewarm: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

export function toolContext(workspace: string, extra: Partial<ToolContext> & { skillList?: ToolSkill[] } = {}): ToolContext {
  const { skillList = [], ...rest } = extra;
  return {
    principal: { id: 'cli:tester' },
    workspace,
    skills: new Map(skillList.map((s) => [s.name, s])),
    roleHosts: [],
    sandbox: NO_SANDBOX,
    signal: new AbortController().signal,
    ...rest,
  };
}

export interface PageServer {
  port: number;
  /** Paths requested, in order. */
  requests: string[];
  /** Paths answered with a 302 to the given URL (may be set after start). */
  redirects: Record<string, string>;
  close(): Promise<void>;
}

/** A plain-HTTP loopback server answering `pages` by path (404 otherwise) and recording requests. */
export async function startPageServer(pages: Record<string, { type: string; body: string | Buffer }>): Promise<PageServer> {
  const { createServer } = await import('node:http');
  const requests: string[] = [];
  const redirects: Record<string, string> = {};
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const location = redirects[req.url ?? ''];
    if (location) {
      res.writeHead(302, { location }).end();
      return;
    }
    const page = pages[req.url ?? ''];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
      return;
    }
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('page server has no port');
  return {
    port: address.port,
    requests,
    redirects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
