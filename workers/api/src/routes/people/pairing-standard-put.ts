import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { setPairingStandard } from '@ronghe/people';
import { PairingStandardInputSchema, PairingStandardSchema, PairingYearParam } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'put',
  path: '/t/{tenant}/pairing/standards/{year}',
  tags: PAIRING_TAG,
  summary: '设置某年度双报到达标标准',
  action: 'pairing.standard',
  request: { params: TenantParam.merge(PairingYearParam), body: { content: { 'application/json': { schema: PairingStandardInputSchema } }, required: true } },
  responses: { 200: { description: '已设置', content: { 'application/json': { schema: PairingStandardSchema } } }, ...writeErrors },
});

export const putPairingStandardRouter = createRouter().openapi(route, async (c) =>
  c.json(await setPairingStandard({ ctx: serviceContext(c), input: { year: c.req.valid('param').year, standard: c.req.valid('json') } }), 200),
);
