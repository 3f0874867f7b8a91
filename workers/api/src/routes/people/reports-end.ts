import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { endMemberReport } from '@ronghe/people';
import { MemberReportSchema } from '@ronghe/schema';
import { serviceContext } from '../../lib/service-context.ts';
import { PAIRING_TAG, PairingIdParams } from './pairing-params.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/member-reports/{id}/end',
  tags: PAIRING_TAG,
  summary: '结束在职党员的社区报到（记实档案保留）',
  action: 'pairing.manage',
  request: { params: PairingIdParams },
  responses: { 200: { description: '已结束', content: { 'application/json': { schema: MemberReportSchema } } }, ...writeErrors },
});

export const endMemberReportRouter = createRouter().openapi(route, async (c) => c.json(await endMemberReport({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200));
