import { z } from '@hono/zod-openapi';
import { commonErrors, createRouter, TenantParam , tenantRoute } from '@ronghe/http';
import { NotificationSchema } from '@ronghe/schema';
import { markNotificationRead } from '@ronghe/workbench';
import { serviceContext } from '../../lib/service-context.ts';

// The reader's own state, not a shared object: no If-Match (marking twice is
// the same as once) and no audit row (see packages/workbench/src/inbox.ts).
export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/notifications/{id}/read',
  tags: ['工作台'],
  summary: '把本人的一条消息标为已读（重复标记无副作用；他人的消息视为不存在）',
  action: 'notification.read',
  request: { params: TenantParam.extend({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '消息编号' }) }) },
  responses: { 200: { description: '已读', content: { 'application/json': { schema: NotificationSchema } } }, ...commonErrors },
});

export const markNotificationReadRouter = createRouter().openapi(route, async (c) => {
  return c.json(await markNotificationRead({ ctx: serviceContext(c), input: { id: c.req.valid('param').id } }), 200);
});
