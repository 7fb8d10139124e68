// The directory: a DingTalk userId → the person (unionId, name, departments with their ancestors,
// manager) from the corp-token contact API (research §5), cached in memory with a TTL. A userId the
// directory does not know is an external person: fail closed, they get the `external` role.

import { DingtalkApiError, type DingtalkApi } from './api-types.ts';
import type { DingtalkPerson } from './types.ts';

export interface DirectoryOptions {
  api: DingtalkApi;
  corpId?: string;
  /** How long a looked-up person is reused (default 10 minutes). */
  ttlMs?: number;
  now?: () => number;
}

export interface Directory {
  person(userId: string): Promise<DingtalkPerson>;
}

/** oapi errcodes for "no such user": invalid userId, user not found / left the company. */
const UNKNOWN_USER = new Set(['33012', '60121', '60011', '60003', '50002']);

interface UserGetResult {
  userid?: string;
  unionid?: string;
  name?: string;
  dept_id_list?: Array<number | string>;
  manager_userid?: string;
}

interface ParentsResult {
  parent_list?: Array<{ parent_dept_id_list?: Array<number | string> }>;
}

export function createDirectory(options: DirectoryOptions): Directory {
  const ttlMs = options.ttlMs ?? 600_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; person: Promise<DingtalkPerson> }>();

  async function lookup(userId: string): Promise<DingtalkPerson> {
    let user: UserGetResult | undefined;
    try {
      const answer = await options.api.oapi<{ result?: UserGetResult }>('/topapi/v2/user/get', { userid: userId, language: 'zh_CN' }, { idempotent: true });
      user = answer.result;
    } catch (error) {
      if (error instanceof DingtalkApiError && UNKNOWN_USER.has(error.code)) return { userId, departments: [], external: true };
      throw error;
    }
    if (!user?.userid) return { userId, departments: [], external: true };
    const departments = (user.dept_id_list ?? []).map(String);
    try {
      const parents = await options.api.oapi<{ result?: ParentsResult }>('/topapi/v2/department/listparentbyuser', { userid: userId }, { idempotent: true });
      for (const chain of parents.result?.parent_list ?? []) for (const id of chain.parent_dept_id_list ?? []) if (!departments.includes(String(id))) departments.push(String(id));
    } catch (error) {
      // Policy still sees the user's own departments; a role on an ancestor then does not match (fail closed).
      if (!(error instanceof DingtalkApiError)) throw error;
    }
    return {
      userId,
      unionId: user.unionid || undefined,
      name: user.name || undefined,
      corpId: options.corpId,
      departments,
      managerUserId: user.manager_userid || undefined,
      external: false,
    };
  }

  return {
    person(userId) {
      const hit = cache.get(userId);
      if (hit && now() - hit.at < ttlMs) return hit.person;
      const person = lookup(userId);
      cache.set(userId, { at: now(), person });
      person.catch(() => cache.delete(userId));
      return person;
    },
  };
}
