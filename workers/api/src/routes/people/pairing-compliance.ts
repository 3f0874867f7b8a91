import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { pairingCompliance } from '@ronghe/people';
import { ComplianceQuerySchema, ComplianceSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/pairing/compliance',
  tags: PAIRING_TAG,
  summary: '双报到达标情况：单位（是否结对、服务次数、评先评优资格）与在职党员（是否报到、服务次数与时长）',
  action: 'pairing.read',
  request: { params: TenantParam, query: ComplianceQuerySchema },
  responses: { 200: { description: '达标情况', content: { 'application/json': { schema: ComplianceSchema } } }, ...commonErrors },
});

export const pairingComplianceRouter = createRouter().openapi(route, async (c) => c.json(await pairingCompliance({ ctx: serviceContext(c), input: c.req.valid('query') }), 200));
