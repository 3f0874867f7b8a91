import { z } from '@hono/zod-openapi';
import { TenantParam } from '@ronghe/http';
import { WEBHOOK_EVENT_TYPE_LIST } from '@ronghe/schema';

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).openapi({ description: `订阅的事件类型：${WEBHOOK_EVENT_TYPE_LIST.join('、')}` }),
    status: z.enum(['enabled', 'disabled']).or(z.string()),
    disabledReason: z.string().nullable().openapi({ description: 'manual：管理员停用；failures：连续投递失败被自动停用' }),
    consecutiveFailures: z.number().int(),
    secretPrefix: z.string().openapi({ description: '签名密钥的前几位，用于区分（密钥本身只在创建或更换时返回一次）' }),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    version: z.number().int(),
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecret = WebhookEndpointSchema.extend({
  secret: z.string().openapi({ description: '签名密钥明文，只返回这一次；验签方法见 docs/webhooks.md' }),
}).openapi('WebhookEndpointWithSecret');

export const WebhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.string().openapi({ description: 'pending：待投递；delivered：已送达；failed：已放弃（可重新投递）' }),
    attempts: z.number().int(),
    nextAttemptAt: z.number().int().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.number().int(),
    deliveredAt: z.number().int().nullable(),
    version: z.number().int(),
    body: z.unknown().openapi({ description: '发送的请求体（事件的公开投影，不含个人信息）' }),
    attemptLog: z.array(z.object({ attempt: z.number().int(), at: z.number().int(), statusCode: z.number().int().nullable(), latencyMs: z.number().int(), error: z.string().nullable() })),
  })
  .openapi('WebhookDelivery');

export const EndpointParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '回调地址编号' }),
});
export const DeliveryParams = TenantParam.extend({
  id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, description: '投递记录编号' }),
});

export const DeliveryQuery = z
  .object({
    endpointId: z.string().max(40).optional(),
    status: z.enum(['pending', 'delivered', 'failed'], { message: '状态只能是待投递、已送达或失败' }).optional(),
  })
  .strict();
