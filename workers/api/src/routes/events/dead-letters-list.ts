import { z } from '@hono/zod-openapi';
import { listDeadLetters } from '@ronghe/events';
import { commonErrors, createRouter, TenantParam, tenantRoute } from '@ronghe/http';
import { serviceContext } from '../../lib/service-context.ts';
import { DeadLetterQuery, DeadLetterSchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'get',
  path: '/t/{tenant}/events/dead-letters',
  tags: ['领域事件'],
  summary: '本旗县区处理失败的事件（死信），最近失败的在前，最多 200 条',
  action: 'event.dead_letter.read',
  request: { params: TenantParam, query: DeadLetterQuery },
  responses: {
    200: { description: '死信列表', content: { 'application/json': { schema: z.object({ items: z.array(DeadLetterSchema) }) } } },
    ...commonErrors,
  },
});

export const listDeadLettersRouter = createRouter().openapi(route, async (c) => {
  return c.json({ items: await listDeadLetters({ ctx: serviceContext(c), input: c.req.valid('query') }) }, 200);
});
