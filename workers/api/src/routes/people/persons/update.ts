import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { updatePerson } from '@ronghe/people';
import { PersonSchema, PersonUpdateSchema } from '@ronghe/schema';
import { ETagHeader } from '../../../lib/etag-header.ts';
import { serviceContext } from '../../../lib/service-context.ts';
import { PersonParams } from './params.ts';

export const route = tenantRoute({
  method: 'patch',
  path: '/t/{tenant}/people/{id}',
  tags: ['人员'],
  summary: '修改人员（需 If-Match）',
  action: 'person.manage',
  request: {
    params: PersonParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: PersonUpdateSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', headers: ETagHeader, content: { 'application/json': { schema: PersonSchema } } },
    ...writeErrors,
  },
});

export const updatePersonRouter = createRouter().openapi(route, async (c) => {
  const version = expectedVersion(c.req.valid('header')['if-match']);
  const person = await updatePerson({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, expectedVersion: version, patch: c.req.valid('json') } });
  return c.json(person, 200, { ETag: etagOf(person.version) });
});
