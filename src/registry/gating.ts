// OpenClaw's load-time gating, as Warden applies it (OpenClaw's shouldIncludeSkill: `os` first, then
// `always` skips the requirement checks, then `requires.bins` each, `requires.anyBins` one of,
// `requires.env` each, `requires.config` each). Warden's differences: a binary must exist in the
// sandbox image, not on the host's PATH; a required variable is satisfied only by a Warden secret
// (the box then sees a placeholder); and Warden has no openclaw.json, so a skill that requires an
// OpenClaw config key never loads. Pure: the caller supplies what exists.

import type { SkillManifest } from '../skills/index.ts';
import type { GatingEnvironment } from './types.ts';

export type GateResult = { ok: true; secretMap: Record<string, string> } | { ok: false; reason: string };

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Decides whether a version may load now and which secrets it gets: every required variable (by the
 * admin's mapping, else the secret of the same name) and every other variable the admin mapped.
 * A mapping to a secret that no longer exists keeps the skill out (fail closed).
 */
export function gate(manifest: SkillManifest, mapped: Readonly<Record<string, string>>, environment: GatingEnvironment): GateResult {
  const oc = manifest.openclaw;
  const secrets = new Set<string>(environment.secretNames);
  if (oc.os.length > 0 && !oc.os.includes(environment.platform)) {
    return { ok: false, reason: `runs on ${list(oc.os)} only; Warden's sandbox is ${environment.platform}` };
  }
  for (const [env, secret] of Object.entries(mapped)) {
    if (!secrets.has(secret)) {
      return { ok: false, reason: `env ${env} is mapped to the Warden secret "${secret}", which does not exist; add it with \`warden secrets set ${secret}\` or map another with \`warden skills approve … --secret ${env}=NAME\`` };
    }
  }
  const secretMap: Record<string, string> = { ...mapped };
  if (oc.always) {
    // OpenClaw includes an `always` skill whatever it requires; it gets only what resolves.
    for (const env of oc.requires.env) if (!(env in secretMap) && secrets.has(env)) secretMap[env] = env;
    return { ok: true, secretMap };
  }
  const missingBins = oc.requires.bins.filter((bin) => !environment.binExists(bin));
  if (missingBins.length > 0) return { ok: false, reason: `requires ${list(missingBins)}, not found in the sandbox image (/usr/bin, /bin, /usr/local/bin)` };
  if (oc.requires.anyBins.length > 0 && !oc.requires.anyBins.some((bin) => environment.binExists(bin))) {
    return { ok: false, reason: `requires one of ${list(oc.requires.anyBins)}, none found in the sandbox image` };
  }
  const unmapped: string[] = [];
  for (const env of oc.requires.env) {
    if (env in secretMap) continue;
    if (secrets.has(env)) secretMap[env] = env;
    else unmapped.push(env);
  }
  if (unmapped.length > 0) {
    return { ok: false, reason: `requires env ${list(unmapped)}, not mapped to a Warden secret: add a secret of that name or map one with \`--secret ${unmapped[0]}=NAME\`` };
  }
  if (oc.requires.config.length > 0) {
    return { ok: false, reason: `requires OpenClaw config ${list(oc.requires.config)}, which Warden does not provide` };
  }
  return { ok: true, secretMap };
}
