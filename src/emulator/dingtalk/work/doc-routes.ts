// Finding the AI Tables a user can see. notable_1.0 has no "list bases" call: a base is a node of
// the user's DingTalk Docs, found with doc_1.0 SearchWorkspaceDocs (`GET /v1.0/doc/docs`,
// `operatorId` = unionId, `keyword` and `maxResults` required). Only bases the operator has access
// to are returned, as DingTalk's search returns only what the operator may open.

import type { Hono } from 'hono';
import type { EmulatorContext } from '../context.ts';
import { admit, pageOf, requireQuery } from './route-kit.ts';
import { workStateOf } from './state.ts';

const SEARCH_MAX = 50;

export function registerDocRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get('/v1.0/doc/docs', (c) => {
    const refused = admit(c, ctx, 'doc.searchWorkspaceDocs');
    if (refused) return refused;
    const operatorId = requireQuery(c, ctx, 'operatorId');
    if (operatorId instanceof Response) return operatorId;
    const keyword = requireQuery(c, ctx, 'keyword');
    if (keyword instanceof Response) return keyword;
    const maxResults = requireQuery(c, ctx, 'maxResults');
    if (maxResults instanceof Response) return maxResults;
    const workspaceId = c.req.query('workspaceId');
    const needle = keyword.toLowerCase();
    const visible = ctx.userByUnionId(operatorId)
      ? workStateOf(ctx.org.work).bases.filter((base) => base.access.has(operatorId)
        && (workspaceId === undefined || workspaceId === base.workspaceId)
        && base.name.toLowerCase().includes(needle))
      : [];
    const page = pageOf(c, ctx, visible, maxResults, c.req.query('nextToken'), SEARCH_MAX);
    if (page instanceof Response) return page;
    return c.json({
      hasMore: page.nextToken !== undefined,
      nextToken: page.nextToken,
      docs: page.items.map((base) => ({
        nodeBO: { name: base.name, originName: base.name, nodeId: base.id, docType: 'notable', url: `https://alidocs.dingtalk.com/i/nodes/${base.id}` },
        workspaceBO: { workspaceId: base.workspaceId, name: base.workspaceName },
      })),
    });
  });
}
