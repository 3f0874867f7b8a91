import { createRouter, etagOf, expectedVersion, IfMatchHeader, tenantRoute, writeErrors } from '@ronghe/http';
import { linkAccount } from '@ronghe/people';
import { PersonAccountSchema, PersonSchema } from '@ronghe/schema';
import { ETagHeader } from '../../../lib/etag-header.ts';
import { accountsContext } from '../../../lib/service-context.ts';
import { PersonParams } from './params.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/people/{id}/account',
  tags: ['人员'],
  summary: '关联或解除登录账号（本旗县区的党员账号；一个账号只关联一人；需 If-Match）',
  action: 'user.manage',
  request: {
    params: PersonParams,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: PersonAccountSchema } }, required: true },
  },
  responses: {
    200: { description: '已关联', headers: ETagHeader, content: { 'application/json': { schema: PersonSchema } } },
    ...writeErrors,
  },
});

export const personAccountRouter = createRouter().openapi(route, async (c) => {
  const version = expectedVersion(c.req.valid('header')['if-match']);
  const person = await linkAccount({ ctx: accountsContext(c), input: { id: c.req.valid('param').id, expectedVersion: version, userId: c.req.valid('json').userId } });
  return c.json(person, 200, { ETag: etagOf(person.version) });
});
