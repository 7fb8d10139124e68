// A runner's warm boxes, per workspace. A command takes an idle box or starts one; a box that
// ended its command clean goes back on the shelf. `release` (the workspace lease ends, the idle
// timeout, a waiting trust domain) closes the idle boxes at once and the busy ones when their
// command ends, so no box outlives its runner's hold on the workspace.

import { startBox, type Box, type BoxCommand, type BoxOptions, type BoxRunOutput } from './warm-box.ts';

/** Idle boxes kept per workspace; more (after concurrent commands) are closed. */
const MAX_IDLE = 2;

export interface BoxShelf {
  /**
   * Run a command in a box of this workspace. A box that ended before accepting it (its launcher
   * died while idle) or that cannot take the command's limits is replaced once by a fresh box.
   */
  run(options: Omit<BoxOptions, 'name'>, command: BoxCommand): Promise<BoxRunOutput & { warm: boolean }>;
  release(workspace: string): Promise<void>;
  closeAll(): Promise<void>;
}

export function createBoxShelf(): BoxShelf {
  const idle = new Map<string, Box[]>();
  const epochs = new Map<string, number>();
  let count = 0;

  const take = (workspace: string): Box | undefined => {
    const list = idle.get(workspace) ?? [];
    for (let box = list.pop(); box; box = list.pop()) {
      if (box.alive) return box;
      void box.close();
    }
    return undefined;
  };

  const shelve = async (box: Box, epoch: number): Promise<void> => {
    const list = idle.get(box.workspace) ?? [];
    if (!box.alive || epochs.get(box.workspace) !== epoch || list.length >= MAX_IDLE) return box.close();
    list.push(box);
    idle.set(box.workspace, list);
  };

  const release = async (workspace: string): Promise<void> => {
    epochs.set(workspace, (epochs.get(workspace) ?? 0) + 1);
    const list = idle.get(workspace) ?? [];
    idle.delete(workspace);
    await Promise.all(list.map((box) => box.close()));
  };

  return {
    async run(options, command) {
      const epoch = epochs.get(options.workspace) ?? 0;
      epochs.set(options.workspace, epoch);
      for (let attempt = 0; ; attempt++) {
        const box = take(options.workspace) ?? (await startBox({ ...options, name: `b${++count}` }));
        let out: BoxRunOutput;
        try {
          out = await box.run(command);
        } catch (error) {
          await box.close();
          if (attempt === 0) continue;
          throw error;
        }
        if (!out.started && attempt === 0) {
          await box.close();
          continue;
        }
        if (out.reusable) await shelve(box, epoch);
        return { ...out, warm: (idle.get(options.workspace)?.length ?? 0) > 0 };
      }
    },
    release,
    async closeAll() {
      await Promise.all([...idle.keys()].map(release));
    },
  };
}
