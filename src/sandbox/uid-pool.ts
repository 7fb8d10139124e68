// Unprivileged uids for runners: each live runner gets its own uid from a fixed range, so two
// trust domains never share file ownership, signals or RLIMIT_NPROC. Leases are lock files holding
// the owner's pid (a lease whose pid is gone is taken over).

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WardenError } from '../core/index.ts';

/** The range runners use; keep it free of real accounts (doctor checks /etc/passwd). */
export const UID_FIRST = 61000;
export const UID_COUNT = 4000;

const LEASES = join(tmpdir(), 'warden-uid-leases');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface UidLease {
  uid: number;
  release(): void;
}

export function leaseUid(): UidLease {
  mkdirSync(LEASES, { recursive: true, mode: 0o700 });
  const start = Math.floor(Math.random() * UID_COUNT);
  for (let i = 0; i < UID_COUNT; i++) {
    const uid = UID_FIRST + ((start + i) % UID_COUNT);
    const file = join(LEASES, String(uid));
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(file, 'utf8'));
      } catch {
        continue;
      }
      if (alive(owner) && owner !== process.pid) continue;
      // A stale lease (its gateway died) or one of ours that was not released: take it over.
      if (owner === process.pid) continue;
      writeFileSync(file, String(process.pid));
    }
    return { uid, release: () => rmSync(file, { force: true }) };
  }
  throw new WardenError('sandbox-unavailable', `all ${UID_COUNT} sandbox uids (${UID_FIRST}-${UID_FIRST + UID_COUNT - 1}) are in use; close idle runners`);
}
