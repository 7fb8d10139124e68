// How far to trust where remote code comes from: a vendor's official installer, the skill's own
// project, the vendor the skill is about, a host nobody vouches for, or a shape only attackers use
// (raw IP, paste site, plain http).

import type { FactContext } from '../../facts.ts';
import type { Severity, SkillInfo } from '../../types.ts';
import { isInstallSection } from './context.ts';
import { hostOfUrl, isIpLiteral, isLocalHost } from './destination.ts';
import { exfilSinkOf, hostMatches, isVendorInstaller } from './hosts.ts';
import { isRelatedHost } from './related-hosts.ts';

export type RemoteTrust = 'vendor' | 'own-project' | 'related' | 'local' | 'unknown' | 'hostile';

export interface RemoteJudgement {
  trust: RemoteTrust;
  host: string;
  /** Why, for messages. */
  why: string;
}

/** GitHub owner of a github.com / raw.githubusercontent.com / *.github.io URL, lower case. */
function githubOwner(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    if (host.endsWith('.github.io')) return host.slice(0, -'.github.io'.length);
    if (host === 'github.com' || host === 'raw.githubusercontent.com' || host === 'gist.githubusercontent.com') return u.pathname.split('/')[1]?.toLowerCase() || undefined;
  } catch {
    // not a URL
  }
  return undefined;
}

/**
 * `docHosts` are the hosts the skill documents (see `documentedHosts`); a host on the same site,
 * or a site named after the skill, is `related`: the vendor the skill is about, over HTTPS.
 */
export function judgeRemote(url: string | undefined, host: string | undefined, skill: SkillInfo, docHosts?: ReadonlySet<string>): RemoteJudgement {
  const h = (host ?? hostOfUrl(url) ?? '').toLowerCase();
  if (!h) return { trust: 'unknown', host: url ?? 'an unknown source', why: 'from a source computed at run time' };
  if (isLocalHost(h)) return { trust: 'local', host: h, why: 'from a local address' };
  if (isVendorInstaller(h, url)) return { trust: 'vendor', host: h, why: "from the vendor's official installer" };
  const sink = exfilSinkOf(h, url);
  if (sink) return { trust: 'hostile', host: h, why: `from a ${sink} service` };
  if (isIpLiteral(h)) return { trust: 'hostile', host: h, why: 'from a raw IP address' };
  if (url?.toLowerCase().startsWith('http://')) return { trust: 'hostile', host: h, why: 'over plain http' };
  const owner = githubOwner(url);
  const homeOwner = githubOwner(skill.homepage);
  if (owner && homeOwner && owner === homeOwner) return { trust: 'own-project', host: h, why: "from the skill's own repository" };
  if (!owner && [...skill.declaredHosts].some((d) => hostMatches(h, d))) return { trust: 'own-project', host: h, why: "from the skill's declared homepage" };
  if (isRelatedHost(h, skill, docHosts ?? skill.declaredHosts)) return { trust: 'related', host: h, why: 'from the vendor the skill is about' };
  return { trust: 'unknown', host: h, why: 'from a host the skill does not declare' };
}

/** Severity of running code from a source of this trust. */
export const remoteSeverity: Readonly<Record<RemoteTrust, Severity>> = {
  vendor: 'low',
  'own-project': 'medium',
  related: 'medium',
  local: 'low',
  unknown: 'high',
  hostile: 'critical',
};

/**
 * The severity of running code from this source at this place: the skill's own project or its
 * vendor's installer, documented under an install / setup heading, is how a CLI gets installed.
 */
export function remoteRunSeverity(judged: RemoteJudgement, context: FactContext): Severity {
  if ((judged.trust === 'own-project' || judged.trust === 'related') && isInstallSection(context)) return 'low';
  return remoteSeverity[judged.trust];
}
