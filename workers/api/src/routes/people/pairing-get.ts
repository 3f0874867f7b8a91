import { commonErrors, createRouter, etagOf, tenantRoute } from '@ronghe/http';
import { getPairing } from '@ronghe/people';
import { PairingSchema } from '@ronghe/schema';
import { ETagHeader } from '../../lib/etag-header.ts';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG, PairingIdParams } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/pairings/{id}',
  tags: PAIRING_TAG,
  summary: '结对详情',
  action: 'pairing.read',
  request: { params: PairingIdParams },
  responses: { 200: { description: '结对记录', headers: ETagHeader, content: { 'application/json': { schema: PairingSchema } } }, ...commonErrors },
});

export const getPairingRouter = createRouter().openapi(route, async (c) => {
  const v = await getPairing({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } });
  return c.json(v, 200, { ETag: etagOf(v.version) });
});
