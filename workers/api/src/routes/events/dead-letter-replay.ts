import { replayDeadLetter } from '@ronghe/events';
import { createRouter, tenantRoute, writeErrors } from '@ronghe/http';
import { serviceContext } from '../../lib/service-context.ts';
import { DeadLetterParams, DeadLetterSchema } from './schemas.ts';

export const route = tenantRoute({
  method: 'post',
  path: '/t/{tenant}/events/dead-letters/{id}/replay',
  tags: ['领域事件'],
  summary: '重新投递一条死信（已处理过该事件的消费者不会重复处理）',
  action: 'event.dead_letter.replay',
  request: { params: DeadLetterParams },
  responses: {
    200: { description: '已重新投递', content: { 'application/json': { schema: DeadLetterSchema } } },
    ...writeErrors,
  },
});

export const replayDeadLetterRouter = createRouter().openapi(route, async (c) => {
  const out = await replayDeadLetter({ ctx: serviceContext(c), input: { id: c.req.valid('param').id }, queue: c.env.EVENTS as Queue | undefined });
  return c.json(out, 200);
});
