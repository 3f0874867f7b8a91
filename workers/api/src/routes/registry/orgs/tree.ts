import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { orgTree } from '@ronghe/registry';
import { ORG_DOMAINS, ORG_KINDS, ORG_STATUSES } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

const TreeNode = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    domain: z.enum(ORG_DOMAINS),
    status: z.enum(ORG_STATUSES),
    childCount: z.number().int(),
  })
  .openapi('OrganizationTreeNode');

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/orgs/tree',
  tags: ['党组织'],
  summary: '隶属关系树（扁平节点列表，按层级排序）',
  action: 'org.read',
  request: {
    params: TenantParam,
    query: z.object({ status: z.enum(['active', 'all'], { message: '状态须为 active 或 all' }).optional() }).strict(),
  },
  responses: {
    200: { description: '树节点', content: { 'application/json': { schema: z.object({ items: z.array(TreeNode) }) } } },
    ...commonErrors,
  },
});

export const treeRouter = createRouter().openapi(route, async (c) => {
  const items = await orgTree({ ctx: serviceContext(c), input: c.req.valid('query') });
  return c.json({ items }, 200);
});
