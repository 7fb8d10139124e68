// Who holds a workspace. A workspace tree is handed to one runner's uid at a time (bwrap, running
// as that uid, must create its read-only mount points in it, and the box must write it), so runs
// of one runner share a workspace while runs of another runner wait until the holder's last run
// ends. Before this, a second trust domain took the tree from the first mid-run ("bwrap: Can't
// create file at WS/.bashrc: Permission denied" with 50 principals in one workspace), and the run
// that ended last handed the tree back to the wrong owner.

import { chownTree, missingPaths, ownerOf, removeMountPoints } from './workspace-access.ts';

interface Holder {
  runnerId: string;
  count: number;
  /** The tree's owner before the first run; it gets the tree back after the last. */
  owner: { uid: number; gid: number };
  uid: number | undefined;
  /** denyWrite names absent before the first run: bwrap's empty mount points for them are removed. */
  missing: string[];
  waiters: Array<() => void>;
}

export interface WorkspaceLeases {
  /** Resolves once `runnerId` holds `workspace`; call the returned function when the run ends. */
  acquire(workspace: string, runnerId: string, uid: number | undefined, denyWrite: readonly string[]): Promise<() => void>;
  /** Does a run wait for `workspace`? Then its holder should not keep an idle warm box on it. */
  contended(workspace: string): boolean;
}

export interface WorkspaceLeaseOptions {
  /**
   * Called when a run starts waiting for a held workspace: the holder's idle warm boxes keep the
   * lease, so the pool closes them (and releases that hold) here.
   */
  onContention?: (workspace: string) => void;
}

export function createWorkspaceLeases(options: WorkspaceLeaseOptions = {}): WorkspaceLeases {
  const holders = new Map<string, Holder>();

  const release = (workspace: string, holder: Holder) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--holder.count > 0) return;
      holders.delete(workspace);
      // Each step on its own: a failed clean-up must not keep the next run waiting.
      try {
        removeMountPoints(workspace, holder.missing);
      } catch {
        // left as empty files; harmless
      }
      try {
        if (holder.uid !== undefined) chownTree(workspace, holder.owner.uid, holder.owner.gid);
      } finally {
        for (const wake of holder.waiters) wake();
      }
    };
  };

  return {
    async acquire(workspace, runnerId, uid, denyWrite) {
      for (;;) {
        const holder = holders.get(workspace);
        if (!holder) {
          const fresh: Holder = { runnerId, count: 1, owner: ownerOf(workspace), uid, missing: missingPaths(workspace, denyWrite), waiters: [] };
          holders.set(workspace, fresh);
          try {
            if (uid !== undefined) chownTree(workspace, uid, uid);
          } catch (error) {
            release(workspace, fresh)();
            throw error;
          }
          return release(workspace, fresh);
        }
        // Join the holder only when nobody waits, so a busy domain cannot starve another.
        if (holder.runnerId === runnerId && holder.waiters.length === 0) {
          holder.count++;
          return release(workspace, holder);
        }
        const wait = new Promise<void>((resolve) => holder.waiters.push(resolve));
        options.onContention?.(workspace);
        await wait;
      }
    },
    contended(workspace) {
      return (holders.get(workspace)?.waiters.length ?? 0) > 0;
    },
  };
}
