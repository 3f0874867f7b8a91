import { commonErrors, createRouter, TenantParam , tenantRoute } from '@ronghe/http';
import { WorkbenchSchema } from '@ronghe/schema';
import { getWorkbench } from '@ronghe/workbench';
import { workbenchContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/workbench',
  tags: ['工作台'],
  summary: '我的工作台：按角色的待办（由当前状态推出）、未读消息数、本角色范围内的关键数字',
  action: 'workbench.read',
  request: { params: TenantParam },
  responses: { 200: { description: '待办、未读数与关键数字', content: { 'application/json': { schema: WorkbenchSchema } } }, ...commonErrors },
});

export const getWorkbenchRouter = createRouter().openapi(route, async (c) => {
  return c.json(await getWorkbench({ ctx: workbenchContext(c) }), 200);
});
