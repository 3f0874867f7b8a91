import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createCategory } from '@ronghe/lists';
import { CategoryCreateSchema, CategorySchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/list-categories',
  tags: ['清单类别'],
  summary: '新增类别',
  action: 'category.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: CategoryCreateSchema } }, required: true } },
  responses: { 201: { description: '已新增', content: { 'application/json': { schema: CategorySchema } } }, ...writeErrors },
});

export const createCategoryRouter = createRouter().openapi(route, async (c) => c.json(await createCategory({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));
