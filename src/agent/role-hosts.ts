// The exact hosts a principal's roles add for every sandboxed command (policy `egress`). Wildcard
// entries (`*.example.com`) cannot become a sandbox allow-list entry, which is exact by design;
// they still allow `web_fetch` of a matching URL, which asks policy per host.

import { resolveRoles, type Directory, type Policy, type Principal } from '../policy/index.ts';
import type { AllowedHost } from '../sandbox/index.ts';

export function roleHosts(policy: Policy, principal: Principal, directory?: Directory): AllowedHost[] {
  const out = new Map<string, AllowedHost>();
  for (const role of resolveRoles(policy, principal, directory)) {
    for (const rule of policy.roles.get(role)?.rules ?? []) {
      if (rule.stage !== 'egress' || rule.effect !== 'allow' || !rule.host || /[*?]/.test(rule.host.source)) continue;
      const [host, port] = rule.host.source.split(':') as [string, string | undefined];
      const entry = { host: host.toLowerCase(), port: port ? Number(port) : 443 };
      out.set(`${entry.host}:${entry.port}`, entry);
    }
  }
  return [...out.values()];
}
