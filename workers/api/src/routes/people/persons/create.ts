import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createPerson } from '@ronghe/people';
import { PersonCreateSchema, PersonSchema } from '@ronghe/schema';
import { ETagHeader } from '../../../lib/etag-header.ts';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/people',
  tags: ['人员'],
  summary: '登记人员（党员须有党员类别和所属党组织）',
  action: 'person.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: PersonCreateSchema } }, required: true } },
  responses: {
    201: { description: '已登记', headers: ETagHeader, content: { 'application/json': { schema: PersonSchema } } },
    ...writeErrors,
  },
});

export const createPersonRouter = createRouter().openapi(route, async (c) => {
  const person = await createPerson({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(person, 201, { ETag: etagOf(person.version) });
});
