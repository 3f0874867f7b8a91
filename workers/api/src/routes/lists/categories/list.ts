import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listCategoryViews } from '@ronghe/lists';
import { CategorySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/list-categories',
  tags: ['清单类别'],
  summary: '需求与资源的类别（本旗县区的分类，含停用的）',
  action: 'list.read',
  request: { params: TenantParam },
  responses: { 200: { description: '类别', content: { 'application/json': { schema: z.array(CategorySchema) } } }, ...commonErrors },
});

export const listCategoriesRouter = createRouter().openapi(route, async (c) => c.json(await listCategoryViews({ ctx: serviceContext(c) }), 200));
