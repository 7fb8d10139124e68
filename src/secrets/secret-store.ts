// The encrypted secret store: one JSON file in the data directory. Names, bound hosts and dates are
// plain (they are shown by `warden secrets list`); each value is sealed with AES-256-GCM under the
// master key, with the secret's name as associated data so a value cannot be moved to another name.
// A key check sealed at creation tells a wrong key apart from a corrupt file.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { WardenError } from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { loadMasterKey } from './master-key.ts';

export const STORE_FILE = 'secrets.json';
const KEY_CHECK = 'warden-secret-store-v1';
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() }).strict();
const entrySchema = z
  .object({
    hosts: z.array(z.string()).min(1),
    header: z.string().optional(),
    methods: z.array(z.string()).optional(),
    paths: z.array(z.string()).optional(),
    value: sealedSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    lastUsedAt: z.string().optional(),
  })
  .strict();
const fileSchema = z.object({ version: z.literal(1), keyCheck: sealedSchema, secrets: z.record(z.string(), entrySchema) }).strict();
type StoreFile = z.infer<typeof fileSchema>;
type Sealed = z.infer<typeof sealedSchema>;

export interface SecretBinding {
  /** `host:port` entries the value may be sent to. */
  hosts: string[];
  /** The one request header the value travels in, when fixed (e.g. authorization). */
  header?: string;
  methods?: string[];
  paths?: string[];
}

export interface SecretInfo extends SecretBinding {
  name: string;
  createdAt: string;
  updatedAt: string;
  lastUsedAt?: string;
}

export interface SecretStore {
  readonly file: string;
  list(): SecretInfo[];
  /** The binding and real value; throws secret-not-found for an unknown name. */
  get(name: string): SecretInfo & { value: string };
  set(name: string, value: string, binding: SecretBinding): void;
  remove(name: string): boolean;
  markUsed(names: string[], when?: Date): void;
}

function seal(key: Buffer, plain: string, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function open(key: Buffer, sealed: Sealed, aad: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export function checkSecretName(name: string): void {
  if (!NAME.test(name)) throw new WardenError('usage', `secret name "${name}": use 1-64 letters, digits, "_", "." or "-". Example: github-token`, { name });
}

export interface OpenSecretStoreOptions {
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function openSecretStore({ home, env }: OpenSecretStoreOptions): SecretStore {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = join(home, STORE_FILE);
  const exists = existsSync(file);
  const { key, source } = loadMasterKey(home, env, exists);

  const read = (): StoreFile => {
    if (!existsSync(file)) return { version: 1, keyCheck: seal(key, KEY_CHECK, 'key-check'), secrets: {} };
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new WardenError('secret-store', `${file} is corrupt (not JSON: ${(error as Error).message}). Restore it from a backup; it was not changed.`, { file });
    }
    const result = fileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new WardenError('secret-store', `${file} is corrupt (key "${issue.path.join('.')}": ${issue.message}). Restore it from a backup; it was not changed.`, { file });
    }
    if (open(key, result.data.keyCheck, 'key-check') !== KEY_CHECK) {
      throw new WardenError('secret-store', `${file} was encrypted with another key than the one in ${source}. Use the right WARDEN_MASTER_KEY or key file; nothing was changed.`, { file });
    }
    return result.data;
  };
  // Fail at open, not at first use, on a wrong key or a corrupt file.
  read();
  const write = (data: StoreFile) => writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
  const info = (name: string, e: StoreFile['secrets'][string]): SecretInfo => ({
    name,
    hosts: e.hosts,
    ...(e.header ? { header: e.header } : {}),
    ...(e.methods ? { methods: e.methods } : {}),
    ...(e.paths ? { paths: e.paths } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...(e.lastUsedAt ? { lastUsedAt: e.lastUsedAt } : {}),
  });

  return {
    file,
    list() {
      const data = read();
      return Object.keys(data.secrets)
        .sort()
        .map((name) => info(name, data.secrets[name]!));
    },
    get(name) {
      const entry = read().secrets[name];
      if (!entry) throw new WardenError('secret-not-found', `no secret named "${name}"; add it with \`warden secrets set ${name} --host HOST\` (value on stdin)`, { name });
      const value = open(key, entry.value, name);
      if (value === undefined) throw new WardenError('secret-store', `secret "${name}" in ${file} is corrupt or sealed under another key; set it again`, { name });
      return { ...info(name, entry), value };
    },
    set(name, value, binding) {
      checkSecretName(name);
      if (value.length === 0) throw new WardenError('usage', `secret "${name}": the value read from stdin is empty`, { name });
      if (binding.hosts.length === 0) throw new WardenError('usage', `secret "${name}": give at least one --host HOST[:PORT] it may be sent to`, { name });
      const data = read();
      const now = new Date().toISOString();
      const prev = data.secrets[name];
      data.secrets[name] = {
        hosts: binding.hosts,
        ...(binding.header ? { header: binding.header.toLowerCase() } : {}),
        ...(binding.methods ? { methods: binding.methods.map((m) => m.toUpperCase()) } : {}),
        ...(binding.paths ? { paths: binding.paths } : {}),
        value: seal(key, value, name),
        createdAt: prev?.createdAt ?? now,
        updatedAt: now,
      };
      write(data);
    },
    remove(name) {
      const data = read();
      if (!data.secrets[name]) return false;
      delete data.secrets[name];
      write(data);
      return true;
    },
    markUsed(names, when = new Date()) {
      if (names.length === 0) return;
      const data = read();
      for (const name of names) if (data.secrets[name]) data.secrets[name]!.lastUsedAt = when.toISOString();
      write(data);
    },
  };
}
