import { commonErrors, createRouter, TenantParam , tenantRoute } from '@ronghe/http';
import { ReadAllResultSchema } from '@ronghe/schema';
import { markAllNotificationsRead } from '@ronghe/workbench';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/notifications/read-all',
  tags: ['工作台'],
  summary: '把本人在本旗县区的全部未读消息标为已读',
  action: 'notification.read',
  request: { params: TenantParam },
  responses: { 200: { description: '标记的条数', content: { 'application/json': { schema: ReadAllResultSchema } } }, ...commonErrors },
});

export const markAllNotificationsReadRouter = createRouter().openapi(route, async (c) => {
  return c.json(await markAllNotificationsRead({ ctx: serviceContext(c) }), 200);
});
