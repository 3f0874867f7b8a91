import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updateCategory } from '@ronghe/lists';
import { CategorySchema, CategoryUpdateSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';
import { CategoryParams } from '../params.ts';
import { ETagHeader } from '../../../lib/etag-header.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/list-categories/{id}',
  tags: ['清单类别'],
  summary: '修改类别（名称、可兼顾的类别、排序、启用/停用）',
  action: 'category.manage',
  request: { params: CategoryParams, headers: IfMatchHeader, body: { content: { 'application/json': { schema: CategoryUpdateSchema } }, required: true } },
  responses: { 200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: CategorySchema } } }, ...writeErrors },
});

export const updateCategoryRouter = createRouter().openapi(route, async (c) => {
  const cat = await updateCategory({
    ctx: serviceContext(c),
    input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c.req.valid('header')['if-match']), patch: c.req.valid('json') },
  });
  return c.json(cat, 200, { ETag: etagOf(cat.version) });
});
