// Which roles a principal has. People from another organisation get the external role and nothing
// else; internal people get the roles of every principal and group entry that names them (groups by
// department include sub-departments, resolved from the directory passed in); anyone else gets the
// default role.

import type { Directory, Policy, Principal } from './types.ts';

export function isExternal(policy: Policy, principal: Principal): boolean {
  if (principal.external) return true;
  return policy.corpId !== undefined && principal.corpId !== undefined && principal.corpId !== policy.corpId;
}

/** The department and all departments below it (cycles in the data are tolerated). */
function subtree(root: string, directory: Directory | undefined): Set<string> {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length) {
    // Pop first: `directory?.children[queue.pop()]` would skip the pop when there is no directory.
    const next = queue.pop()!;
    for (const child of directory?.children[next] ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return seen;
}

export function resolveRoles(policy: Policy, principal: Principal, directory?: Directory): string[] {
  if (isExternal(policy, principal)) return [policy.externalRole];
  const roles = new Set<string>();
  const { userId, unionId } = principal;
  for (const p of policy.principals) {
    if ((userId !== undefined && p.userId === userId) || (unionId !== undefined && p.unionId === unionId)) p.roles.forEach((r) => roles.add(r));
  }
  const mine = principal.departments ?? [];
  for (const g of policy.groups) {
    const byId = (userId !== undefined && g.userIds.includes(userId)) || (unionId !== undefined && g.unionIds.includes(unionId));
    const byDept = mine.length > 0 && g.departments.some((d) => {
      const tree = subtree(d, directory);
      return mine.some((m) => tree.has(m));
    });
    if (byId || byDept) g.roles.forEach((r) => roles.add(r));
  }
  return roles.size ? [...roles].sort() : [policy.defaultRole];
}
