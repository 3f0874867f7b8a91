import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { listPairings } from '@ronghe/people';
import { PairingListQuerySchema, PairingPageSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/pairings',
  tags: PAIRING_TAG,
  summary: '单位结对（组织报到）列表',
  action: 'pairing.read',
  request: { params: TenantParam, query: PairingListQuerySchema },
  responses: { 200: { description: '结对记录（联系人电话打码）', content: { 'application/json': { schema: PairingPageSchema } } }, ...commonErrors },
});

export const listPairingsRouter = createRouter().openapi(route, async (c) => c.json(await listPairings({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
