import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { TodoCountsSchema } from '@ronghe/schema';
import { getTodoCounts } from '@ronghe/workbench';
import { workbenchContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/workbench/counts',
  tags: ['工作台'],
  summary: '待办数量（按类型与合计）：侧栏菜单的角标，不含关键数字与消息',
  action: 'workbench.read',
  request: { params: TenantParam },
  responses: { 200: { description: '各类待办数量与合计', content: { 'application/json': { schema: TodoCountsSchema } } }, ...commonErrors },
});

export const getTodoCountsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await getTodoCounts({ ctx: workbenchContext(c) }), 200);
});
