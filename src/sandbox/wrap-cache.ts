// The engine's wrapped command depends only on the runner's policy and the workspace's filesystem
// view, not on the command: the command travels in WARDEN_CMD and the wrapped shell evals it. So
// one wrap (≈15-50 ms: the engine's ripgrep scan for dangerous files and glob expansion) serves
// every command in a workspace for the runner's life. What a cached wrap can miss is a dangerous
// file the box creates deeper in the tree after the first wrap (the engine would mount it
// read-only); nothing on the host sources workspace files and the box's shells run with stdin
// closed, so Warden relies on the explicit top-level denyWrite list instead.

import { randomBytes } from 'node:crypto';

/** Single-quote for POSIX sh. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Fail closed on a wrap that is not a network-isolated bwrap (the engine hands back such a string
 * when not initialised, research §4.2), that is the raw command, or that embeds a real secret.
 */
export function assertWrapped(wrapped: string, inner: string, secretValues: string[]): void {
  if (wrapped === inner || !/(^|\s)bwrap\s/.test(wrapped) || !wrapped.includes('--unshare-net')) {
    throw new Error('the engine returned a command without bubblewrap network isolation; refusing to run it');
  }
  if (secretValues.some((v) => v.length > 0 && wrapped.includes(v))) {
    throw new Error('the wrapped command embeds a real secret value; refusing to run it');
  }
}

/** The engine's in-box relay options (socat TCP listeners on 3128 and 1080). */
const RELAY_OPTIONS = 'fork,reuseaddr,backlog=4096';

/**
 * TCP_NODELAY on the in-box relays' accepted sockets (Linux copies it from the listener), so a
 * small reply written in two pieces is not held back for the client's delayed ACK. Only the
 * option list changes; a wrap without it is returned as it came.
 */
export function withNoDelay(wrapped: string): string {
  return wrapped.replaceAll(`${RELAY_OPTIONS} `, `${RELAY_OPTIONS},nodelay `);
}

const MAX_ENTRIES = 32;

export class WrapCache {
  private readonly entries = new Map<string, Promise<string>>();

  newCommandId(): string {
    return randomBytes(16).toString('base64url');
  }

  async get(workspace: string, make: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(workspace);
    if (hit) return hit;
    const wrapped = make();
    this.entries.set(workspace, wrapped);
    wrapped.catch(() => this.entries.delete(workspace));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return wrapped;
  }
}
