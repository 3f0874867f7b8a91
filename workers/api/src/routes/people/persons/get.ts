import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getPerson } from '@ronghe/people';
import { PersonSchema } from '@ronghe/schema';
import { ETagHeader } from '../../../lib/etag-header.ts';
import { serviceContext } from '../../../lib/service-context.ts';
import { PersonParams } from './params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/people/{id}',
  tags: ['人员'],
  summary: '人员详情（完整手机号、身份证号仅对有权查看个人信息的角色返回）',
  action: 'person.read',
  request: { params: PersonParams },
  responses: {
    200: { description: '人员', headers: ETagHeader, content: { 'application/json': { schema: PersonSchema } } },
    ...commonErrors,
  },
});

export const getPersonRouter = createRouter().openapi(route, async (c) => {
  const person = await getPerson({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(person, 200, { ETag: etagOf(person.version) });
});
