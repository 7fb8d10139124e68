// Contact lookups on the legacy oapi (`?access_token=`, HTTP 200 with errcode bodies, research §5):
// user by userId (with unionid, dept_id_list, manager_userid), userId by unionId, a department,
// its children, and the department chains above a user. External people are not in the
// organisation's address book: looking them up answers "not found" as for an unknown id.

import type { Context, Hono } from 'hono';
import type { EmulatorContext, OrgDepartment, OrgUser } from './context.ts';

type Json = Record<string, unknown>;

export function registerContactRoutes(app: Hono, ctx: EmulatorContext): void {
  const { org } = ctx;
  const departments = new Map<number, OrgDepartment>(org.departments.map((d) => [d.id, d]));
  const member = (id: unknown): OrgUser | undefined => {
    const user = typeof id === 'string' ? ctx.userByUserId(id) : undefined;
    return user !== undefined && !user.external ? user : undefined;
  };

  /** Token check, body parse and call log shared by every contact call. */
  const begin = async (c: Context, api: string): Promise<Json | Response> => {
    const appKey = ctx.requireOapiToken(c);
    if (appKey instanceof Response) return appKey;
    const body = (await c.req.json().catch(() => undefined)) as Json | undefined;
    ctx.recordCall(api, body);
    return body ?? {};
  };
  const ok = (c: Context, result: unknown): Response => c.json({ errcode: 0, errmsg: 'ok', result, request_id: crypto.randomUUID().replace(/-/g, '').slice(0, 12) });

  app.post('/topapi/v2/user/get', async (c) => {
    const body = await begin(c, 'topapi.v2.user.get');
    if (body instanceof Response) return body;
    const user = member(body.userid);
    if (user === undefined) return ctx.oapiError(c, 33012, '无效的USERID');
    const leads = org.users.filter((u) => u.managerUserId === user.userId).length > 0;
    return ok(c, {
      userid: user.userId,
      unionid: user.unionId,
      name: user.name,
      dept_id_list: [...user.departments],
      ...(user.managerUserId !== undefined ? { manager_userid: user.managerUserId } : {}),
      leader_in_dept: user.departments.map((dept_id) => ({ dept_id, leader: leads })),
      admin: false,
      boss: false,
      active: true,
      real_authed: true,
    });
  });

  app.post('/topapi/user/getbyunionid', async (c) => {
    const body = await begin(c, 'topapi.user.getbyunionid');
    if (body instanceof Response) return body;
    const user = typeof body.unionid === 'string' ? ctx.userByUnionId(body.unionid) : undefined;
    if (user === undefined || user.external) return ctx.oapiError(c, 60121, '找不到该用户');
    return ok(c, { contact_type: 0, userid: user.userId });
  });

  app.post('/topapi/v2/department/get', async (c) => {
    const body = await begin(c, 'topapi.v2.department.get');
    if (body instanceof Response) return body;
    const dept = departments.get(Number(body.dept_id));
    if (dept === undefined) return ctx.oapiError(c, 60003, '部门不存在');
    return ok(c, { dept_id: dept.id, name: dept.name, parent_id: dept.parentId, auto_add_user: true, create_dept_group: true });
  });

  app.post('/topapi/v2/department/listsub', async (c) => {
    const body = await begin(c, 'topapi.v2.department.listsub');
    if (body instanceof Response) return body;
    const id = body.dept_id === undefined ? 1 : Number(body.dept_id);
    if (!departments.has(id) && id !== 1) return ctx.oapiError(c, 60003, '部门不存在');
    const parent = departments.has(id) ? id : 0; // DingTalk's root (1) may be implicit in the YAML
    return ok(
      c,
      org.departments.filter((d) => d.parentId === parent).map((d) => ({ dept_id: d.id, name: d.name, parent_id: d.parentId, auto_add_user: true, create_dept_group: true })),
    );
  });

  app.post('/topapi/v2/department/listparentbyuser', async (c) => {
    const body = await begin(c, 'topapi.v2.department.listparentbyuser');
    if (body instanceof Response) return body;
    const user = member(body.userid);
    if (user === undefined) return ctx.oapiError(c, 33012, '无效的USERID');
    const chain = (id: number): number[] => {
      const out: number[] = [];
      for (let d = departments.get(id); d !== undefined && !out.includes(d.id); d = departments.get(d.parentId)) out.push(d.id);
      return out;
    };
    return ok(c, { parent_list: user.departments.map((id) => ({ parent_dept_id_list: chain(id) })) });
  });
}
