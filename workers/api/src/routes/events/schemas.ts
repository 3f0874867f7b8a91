import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';

export const DeadLetterSchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string().openapi({ description: '事件类型（docs/events.md）' }),
    consumer: z.string().openapi({ description: '处理失败的消费者；queue 表示进入死信队列时没有记录到具体消费者' }),
    error: z.string(),
    payload: z.unknown().openapi({ description: '事件原文（信封），不含个人信息' }),
    firstFailedAt: z.number().int(),
    lastFailedAt: z.number().int(),
    attempts: z.number().int(),
    replayedAt: z.number().int().nullable(),
    replayedBy: z.string().nullable(),
  })
  .openapi('DeadLetter');

export const DeadLetterQuery = z
  .object({
    state: z.enum(['pending', 'replayed']).optional().openapi({ description: 'pending：未重新投递；replayed：已重新投递' }),
  })
  .strict();

export const DeadLetterParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '死信编号' }),
});
