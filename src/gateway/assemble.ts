// Wires the parts into a running agent from warden.yaml: store, audit, policy, secrets, sandbox
// pool, registry skills, model client, tools → runtime. `warden chat` and `warden serve` both
// start here, so the terminal runs exactly what DingTalk users get.

import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createAuditLog, type AuditLog } from '../audit/index.ts';
import { createModelClient, type ModelClient } from '../agent/model/index.ts';
import { createRuntime, type Runtime } from '../agent/runtime.ts';
import type { RuntimeSkill } from '../agent/types.ts';
import type { LoadedConfig } from '../config/index.ts';
import { WardenError } from '../core/index.ts';
import { parsePolicy, type Policy } from '../policy/index.ts';
import { createRegistry, type Registry } from '../registry/index.ts';
import { createSandboxPool, type SandboxPool } from '../sandbox/index.ts';
import { openSecretStore, STORE_FILE, type SecretStore } from '../secrets/index.ts';
import { grantFor, readCanaries } from './grants.ts';
import { TOKEN_PATTERNS } from '../egress/index.ts';
import { openStoreFromConfig, type Store } from '../store/index.ts';
import { builtinTools } from '../tools/index.ts';
import type { Tool } from '../tools/types.ts';

export interface Assembly {
  store: Store;
  audit: AuditLog;
  /** The policy in force: policy.yaml as last read; an edit is picked up at the next decision. */
  policy(): Policy;
  registry: Registry;
  secrets?: SecretStore;
  runtime: Runtime;
  sandbox: SandboxPool;
  close(): Promise<void>;
}

export interface AssembleOptions {
  loaded: LoadedConfig;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Tools beyond the built-in ones (the DingTalk work tools in `serve`), made once the store is open. */
  extraTools?: (parts: { store: Store; audit: AuditLog }) => readonly Tool[];
  /** Pick up unfinished turns no live process holds, every this many ms (`warden serve`; not `chat`). */
  sweepMs?: number;
  /** Replaces the configured model client (tests). */
  model?: ModelClient;
  onError?: (error: unknown) => void;
}

/** Where warden.yaml's relative paths start: the config file's directory, else the working directory. */
export function configBase(loaded: LoadedConfig, cwd: string): string {
  return loaded.file ? dirname(loaded.file) : cwd;
}

export function loadPolicyFile(loaded: LoadedConfig, cwd: string): Policy {
  const file = resolve(configBase(loaded, cwd), loaded.config.policy);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WardenError('policy-invalid', `cannot read the policy file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); run \`warden init\` to write a starter policy, or set \`policy:\` in warden.yaml`, { file });
  }
  return parsePolicy(text, file);
}

function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return 'missing';
  }
}

function binExists(bin: string): boolean {
  if (!/^[A-Za-z0-9._+-]+$/.test(bin)) return false;
  // The box sees /usr and /etc only (/bin is a symlink into /usr on Debian).
  return ['/usr/bin', '/usr/local/bin', '/usr/sbin', '/bin'].some((dir) => {
    try {
      return statSync(join(dir, bin)).isFile();
    } catch {
      return false;
    }
  });
}

function modelFromConfig(loaded: LoadedConfig, secrets: SecretStore | undefined): ModelClient {
  const model = loaded.config.model;
  if (!model) throw new WardenError('config-invalid', `${loaded.file ?? 'warden.yaml'}: key "model": missing; the agent needs an OpenAI-compatible model (baseUrl, model, apiKeySecret). Run \`warden init\` for a starter config`);
  let apiKey = 'unused';
  if (model.apiKeySecret) {
    if (!secrets) throw new WardenError('secret-not-found', `model.apiKeySecret names secret "${model.apiKeySecret}" but there is no secret store yet; store it with \`warden secrets set ${model.apiKeySecret} --host <model host>\``);
    apiKey = secrets.get(model.apiKeySecret).value;
  }
  return createModelClient({ baseUrl: model.baseUrl, model: model.model, apiKey, timeoutMs: model.timeoutMs, maxRetries: model.maxRetries, ...(model.temperature !== undefined ? { temperature: model.temperature } : {}) });
}

export async function assemble(options: AssembleOptions): Promise<Assembly> {
  const { loaded, env, cwd } = options;
  const { config, home } = loaded;
  const base = configBase(loaded, cwd);
  const policyFile = resolve(base, config.policy);
  let policy = loadPolicyFile(loaded, cwd);
  let policyStamp = fileStamp(policyFile);
  const secrets = existsSync(join(home, STORE_FILE)) ? openSecretStore({ home, env }) : undefined;
  const model = options.model ?? modelFromConfig(loaded, secrets);
  const store = await openStoreFromConfig(loaded, env);
  // Sandboxed commands run as unprivileged uids and must reach their workspace under the data
  // directory: the directory is searchable (not listable) by others; every file in it that matters
  // (database, secrets, keys, skill copies) has owner-only or read-only modes of its own.
  const workspaceRoot = resolve(home, config.runtime.workspaces);
  mkdirSync(workspaceRoot, { recursive: true, mode: 0o711 });
  for (let dir = workspaceRoot; dir.startsWith(home); dir = dirname(dir)) {
    chmodSync(dir, statSync(dir).mode | 0o011);
    if (dir === home) break;
  }
  // The log never holds a real secret: every stored value and the egress token shapes are masked.
  const known = (secrets?.list() ?? []).map((s) => ({ name: s.name, value: secrets!.get(s.name).value }));
  const audit = createAuditLog({ store, redaction: { secrets: known, patterns: TOKEN_PATTERNS.map((t) => ({ id: t.id, pattern: new RegExp(t.pattern.source, `${t.pattern.flags.replace('g', '')}g`) })) } });
  const registry = createRegistry({ store, home, audit, ...(secrets ? { secrets } : {}) });
  const sandbox = createSandboxPool({
    canaries: readCanaries(loaded, cwd),
    knownSecrets: known,
    ...(config.sandbox.upstreamCaFile ? { upstreamCaFile: resolve(base, config.sandbox.upstreamCaFile) } : {}),
    defaultLimits: config.sandbox.limits,
  });

  const skills = async (): Promise<RuntimeSkill[]> => {
    const secretNames = new Set((secrets?.list() ?? []).map((s) => s.name));
    const { skills: active } = await registry.activeSkills({ binExists, secretNames, platform: process.platform });
    return active.map((s) => {
      const grants = Object.entries(s.secretMap).map(([envName, secretName]) => grantFor(secrets!, envName, secretName));
      const hosts = new Map<string, { host: string; port: number }>();
      for (const h of s.allowHosts) hosts.set(`${h.host}:${h.port}`, h);
      for (const g of grants) for (const h of g.hosts) hosts.set(`${h.host}:${h.port}`, h);
      return { name: s.name, description: s.description, version: s.version, dir: s.dir, allowHosts: [...hosts.values()], secrets: grants };
    });
  };

  // policy.yaml is read again when it changes. An edit that does not parse is refused loudly and
  // the last good policy stays in force (never an empty, allow-nothing or half-read one).
  function currentPolicy(): Policy {
    const stamp = fileStamp(policyFile);
    if (stamp === policyStamp) return policy;
    policyStamp = stamp;
    try {
      policy = loadPolicyFile(loaded, cwd);
      void audit.append({ type: 'admin-action', actor: 'system', outcome: 'ok', reason: `policy reloaded from ${policyFile}`, data: { file: policyFile } }).catch(() => {});
    } catch (error) {
      options.onError?.(new Error(`policy.yaml changed but was not applied: ${(error as Error).message}`));
      void audit.append({ type: 'admin-action', actor: 'system', outcome: 'error', reason: `policy change refused: ${(error as Error).message}`, data: { file: policyFile } }).catch(() => {});
    }
    return policy;
  }

  const runtime = createRuntime({
    store,
    audit,
    policy: currentPolicy,
    model,
    tools: [...builtinTools(config.sandbox.limits.wallTimeSec ? { exec: { maxTimeoutSec: config.sandbox.limits.wallTimeSec } } : {}), ...(options.extraTools?.({ store, audit }) ?? [])],
    skills,
    sandbox,
    config: config.runtime,
    workspaceRoot,
    ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });

  return {
    store,
    audit,
    policy: currentPolicy,
    registry,
    ...(secrets ? { secrets } : {}),
    runtime,
    sandbox,
    async close() {
      await runtime.close();
      await sandbox.close();
      await store.close();
    },
  };
}
