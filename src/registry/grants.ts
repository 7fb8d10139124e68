// What an admin grants a version: env var → secret name mappings and extra hosts. Checked when
// given (add, approve) so a typo is a clear error at once, not a skill that silently never loads.

import { WardenError } from '../core/index.ts';
import { parseAllowedHost, type AllowedHost } from '../sandbox/index.ts';
import { checkSecretName } from '../secrets/index.ts';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const SKILL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A skill name becomes a directory name under <home>/skills: plain characters only. */
export function checkSkillName(name: string, where: string): void {
  if (!SKILL_NAME.test(name) || name.includes('..')) {
    throw new WardenError('skill-invalid', `${where}: skill name "${name}" cannot be registered: use 1-128 letters, digits, ".", "_" or "-" starting with a letter or digit (set \`name:\` in SKILL.md)`, { name });
  }
}

/** Parses `ENV=NAME` entries (the CLI's `--secret`); a repeated variable is an error. */
export function parseSecretEntries(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw new WardenError('usage', `--secret "${entry}": expected ENV=SECRET_NAME, e.g. --secret GITHUB_TOKEN=github-token`, { entry });
    }
    const env = entry.slice(0, eq);
    if (env in out) throw new WardenError('usage', `--secret: ${env} is mapped twice; give each variable once`, { env });
    out[env] = entry.slice(eq + 1);
  }
  return out;
}

/**
 * Validates a mapping: variable names as a shell accepts them, secret names as the secret store
 * does, and, when the store is at hand, that each secret exists (fail closed on a typo).
 */
export function checkSecretMap(map: Readonly<Record<string, string>>, known?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [env, secret] of Object.entries(map)) {
    if (!ENV_NAME.test(env)) throw new WardenError('usage', `--secret ${env}=${secret}: "${env}" is not an environment variable name (letters, digits and "_", not starting with a digit)`, { env });
    checkSecretName(secret);
    if (known && !known.has(secret)) {
      throw new WardenError('secret-not-found', `--secret ${env}=${secret}: there is no Warden secret "${secret}"; add it first with \`warden secrets set ${secret} --host HOST\``, { env, secret });
    }
    out[env] = secret;
  }
  return out;
}

/** Parses `--allow-host` values; duplicates are dropped. */
export function parseHostGrants(specs: readonly string[]): AllowedHost[] {
  const out: AllowedHost[] = [];
  for (const spec of specs) {
    const host = parseAllowedHost(spec, '--allow-host');
    if (!out.some((h) => h.host === host.host && h.port === host.port)) out.push(host);
  }
  return out;
}
