import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { getPairingStandard } from '@ronghe/people';
import { PairingStandardSchema, PairingYearParam } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/pairing/standards/{year}',
  tags: PAIRING_TAG,
  summary: '本旗县区某年度双报到达标标准（未设置时为默认标准）',
  action: 'pairing.read',
  request: { params: TenantParam.merge(PairingYearParam) },
  responses: { 200: { description: '年度标准', content: { 'application/json': { schema: PairingStandardSchema } } }, ...commonErrors },
});

export const getPairingStandardRouter = createRouter().openapi(route, async (c) => c.json(await getPairingStandard({ ctx: serviceContext(c), input: { year: c.req.valid('param').year } }), 200));
