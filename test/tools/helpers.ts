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
