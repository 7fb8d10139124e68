// Small, dependency-light helpers shared by the gateway and `warden sandbox exec` (a hot path that
// must not load the runtime): a stored secret as a sandbox grant, and the DLP canary files.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LoadedConfig } from '../config/index.ts';
import { WardenError } from '../core/index.ts';
import { parseAllowedHost, type SecretGrant } from '../sandbox/index.ts';
import type { SecretStore } from '../secrets/index.ts';

/** The planted canary files (egress.canaryFiles) whose contents DLP refuses in any request. */
export function readCanaries(loaded: LoadedConfig, cwd: string): Array<{ name: string; content: string }> {
  return loaded.config.egress.canaryFiles.map((f) => {
    const path = resolve(loaded.file ? dirname(loaded.file) : cwd, f);
    try {
      return { name: path, content: readFileSync(path, 'utf8') };
    } catch {
      throw new WardenError('config-invalid', `egress.canaryFiles: cannot read ${path}`);
    }
  });
}

/** A secret from the store as a sandbox grant under the variable `env`. */
export function grantFor(secrets: SecretStore, env: string, name: string): SecretGrant {
  const s = secrets.get(name);
  return {
    env,
    name: s.name,
    value: s.value,
    hosts: s.hosts.map((h) => parseAllowedHost(h, `secret ${s.name} host`)),
    ...(s.methods ? { methods: s.methods } : {}),
    ...(s.paths ? { paths: s.paths } : {}),
    ...(s.header ? { headers: [s.header] } : {}),
  };
}
