import { createRouter, TenantParam, tenantRoute, writeErrors } from '@ronghe/http';
import { runSupervision } from '@ronghe/lists';
import { SupervisionRunSchema } from '@ronghe/schema';
import { serviceContext } from '../../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/supervision/run',
  tags: ['督办'],
  summary: '立即运行督办（重新计算全部在办项目的预警，逾期项目首次转红时提请督办；与每日定时任务相同）',
  action: 'supervision.run',
  request: { params: TenantParam },
  responses: { 200: { description: '运行结果', content: { 'application/json': { schema: SupervisionRunSchema } } }, ...writeErrors },
});

export const runSupervisionRouter = createRouter().openapi(route, async (c) => {
  return c.json(await runSupervision(serviceContext(c)), 200);
});
