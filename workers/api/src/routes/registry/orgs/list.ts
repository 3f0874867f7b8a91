import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listOrgRows, toView } from '@ronghe/registry';
import { OrganizationSchema, OrgListQuerySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/orgs',
  tags: ['党组织'],
  summary: '党组织列表（筛选、搜索、游标分页）',
  action: 'org.read',
  request: { params: TenantParam, query: OrgListQuerySchema },
  responses: {
    200: {
      description: '一页党组织；电话按角色脱敏',
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(OrganizationSchema), nextCursor: z.string().nullable(), total: z.number().int() })
            .openapi('OrganizationPage'),
        },
      },
    },
    ...commonErrors,
  },
});

export const listOrgsRouter = createRouter().openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const page = await listOrgRows(ctx, c.req.valid('query'));
  return c.json({ items: page.rows.map((r) => toView(r, ctx.actor)), nextCursor: page.nextCursor, total: page.total }, 200);
});
