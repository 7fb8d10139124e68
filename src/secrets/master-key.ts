// The store's 256-bit key: WARDEN_MASTER_KEY (64 hex digits or base64 of 32 bytes) when set, else a
// key file in the data directory created on first use with mode 0600. A key file is only created
// when no store exists yet: a store without its key is an error, never silently re-keyed.

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WardenError } from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';

export const KEY_FILE = 'master.key';

export function parseMasterKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : undefined;
  if (!key || key.length !== 32) {
    throw new WardenError('secret-store', `${source}: not a 256-bit key. Give 64 hex digits or base64 of 32 bytes, e.g. the output of \`openssl rand -hex 32\``, { source });
  }
  return key;
}

export interface MasterKey {
  key: Buffer;
  source: string;
}

export function loadMasterKey(home: string, env: Readonly<Record<string, string | undefined>>, storeExists: boolean): MasterKey {
  if (env.WARDEN_MASTER_KEY) return { key: parseMasterKey(env.WARDEN_MASTER_KEY, 'WARDEN_MASTER_KEY'), source: 'WARDEN_MASTER_KEY' };
  const file = join(home, KEY_FILE);
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) chmodSync(file, 0o600);
    return { key: parseMasterKey(readFileSync(file, 'utf8'), file), source: file };
  }
  if (storeExists) {
    throw new WardenError('secret-store', `the secret store in ${home} exists but its key is missing: set WARDEN_MASTER_KEY or restore ${file}. Nothing was changed.`, { file });
  }
  const key = randomBytes(32);
  writeFileAtomic(file, `${key.toString('hex')}\n`, 0o600);
  return { key, source: file };
}
