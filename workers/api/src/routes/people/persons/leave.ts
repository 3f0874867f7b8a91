import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { leavePerson } from '@ronghe/people';
import { PersonLeaveSchema, PersonSchema } from '@ronghe/schema';
import { ETagHeader } from '../../../lib/etag-header.ts';
import { serviceContext } from '../../../lib/service-context.ts';
import { PersonParams } from './params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/people/{id}/leave',
  tags: ['人员'],
  summary: '人员转出（保留历史记录，需 If-Match）',
  action: 'person.manage',
  request: {
    params: PersonParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: PersonLeaveSchema } }, required: true },
  },
  responses: {
    200: { description: '已转出', headers: ETagHeader, content: { 'application/json': { schema: PersonSchema } } },
    ...writeErrors,
  },
});

export const leavePersonRouter = createRouter().openapi(route, async (c) => {
  const version = expectedVersion(c.req.valid('header')['if-match']);
  const person = await leavePerson({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, expectedVersion: version, body: c.req.valid('json') } });
  return c.json(person, 200, { ETag: etagOf(person.version) });
});
