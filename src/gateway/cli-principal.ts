// Who `warden chat --as USER` is: a principal named in policy.yaml (by entry name, userId or
// unionId), else a DingTalk userId the policy does not name (so the default role applies).

import type { RuntimePrincipal } from '../agent/types.ts';
import type { Policy } from '../policy/index.ts';

export interface CliPrincipalFlags {
  departments?: string[];
  manager?: string;
  external?: boolean;
}

export function cliPrincipal(policy: Policy, user: string, flags: CliPrincipalFlags = {}): RuntimePrincipal {
  const entry = policy.principals.find((p) => p.name === user || p.userId === user || p.unionId === user);
  const userId = entry ? entry.userId : user;
  const unionId = entry?.unionId;
  const key = userId ?? unionId ?? user;
  return {
    id: `dingtalk:${key}`,
    ...(userId ? { userId } : {}),
    ...(unionId ? { unionId } : {}),
    name: entry?.name ?? user,
    ...(flags.departments?.length ? { departments: flags.departments } : {}),
    ...(flags.manager ? { managerUserId: flags.manager } : {}),
    ...(flags.external ? { external: true } : {}),
  };
}
