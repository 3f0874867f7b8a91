import { createRouter, etagOf, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { createPairing } from '@ronghe/people';
import { PairingCreateSchema, PairingSchema } from '@ronghe/schema';
import { ETagHeader } from '../../lib/etag-header.ts';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/pairings',
  tags: PAIRING_TAG,
  summary: '登记单位与社区结对（组织报到）',
  action: 'pairing.manage',
  request: { params: TenantParam, body: { content: { 'application/json': { schema: PairingCreateSchema } }, required: true } },
  responses: { 201: { description: '已结对', headers: ETagHeader, content: { 'application/json': { schema: PairingSchema } } }, ...writeErrors },
});

export const createPairingRouter = createRouter().openapi(route, async (c) => {
  const v = await createPairing({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(v, 201, { ETag: etagOf(v.version) });
});
