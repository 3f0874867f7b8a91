import { commonErrors, createRouter, TenantParam , tenantRoute } from '@ronghe/http';
import { NotificationListQuerySchema, NotificationListSchema } from '@ronghe/schema';
import { listNotifications } from '@ronghe/workbench';
import { serviceContext } from '../../lib/service-context.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/notifications',
  tags: ['工作台'],
  summary: '我的消息（仅本人），最新在前，含未读数',
  action: 'notification.read',
  request: { params: TenantParam, query: NotificationListQuerySchema },
  responses: { 200: { description: '一页消息', content: { 'application/json': { schema: NotificationListSchema } } }, ...commonErrors },
});

export const listNotificationsRouter = createRouter().openapi(route, async (c) => {
  return c.json(await listNotifications({ ctx: serviceContext(c), input: c.req.valid('query') }), 200);
});
